/** Supervisor figures, a clerk's day, complaints, trips, points and hall settings, with their permissions. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeComplaint, createComplaint, listComplaints } from "@/lib/window/complaints";
import { createTransaction } from "@/lib/window/create-transaction";
import { clerkDayTotals, closeDay } from "@/lib/window/day-summary";
import { evaluateTransaction } from "@/lib/window/evaluate-transaction";
import { saveCounter, saveHallHours } from "@/lib/window/manage-halls";
import { saveOutreachTrip, saveServicePoint, listOutreachTrips } from "@/lib/window/outreach";
import { listTransactions, markFollowUpDone, resolveDifficult, revealApplicant } from "@/lib/window/read-transactions";
import {
  evaluationSchema,
  hallHoursSchema,
  listTransactionsSchema,
  outreachTripSchema,
  servicePointSchema,
} from "@/lib/window/schemas";
import { windowSupervision } from "@/lib/window/supervision";
import { callNext, issueTicket } from "@/lib/window/tickets";
import { actorFor } from "../setup/actors";
import { errCode, seedWindowData, txInput } from "./window-helpers";

beforeAll(seedWindowData);

describe("supervision and day totals", () => {
  it("measures wait and service per window and clerk, satisfaction, after-hours and complaints", async () => {
    const clerk = await actorFor("zy-clerk");
    const ticket = await issueTicket({
      actor: clerk,
      input: { category: "licence_review", hall: "522625-H1", appointment: false, urgent: false },
    });
    // Pretend the ticket was issued 12 minutes ago.
    await db.windowTicket.update({ where: { id: ticket.id }, data: { issuedAt: new Date(Date.now() - 12 * 60_000) } });
    const called = (await callNext({ actor: clerk, input: { hall: "522625-H1", window: 2 } }))!;
    const started = new Date(Date.now() - 6 * 60_000).toISOString();
    const { record } = await createTransaction({
      actor: clerk,
      input: txInput({ ticketId: called.id, window: undefined, startedAt: started }),
    });
    await evaluateTransaction({ actor: clerk, id: record.id, input: evaluationSchema.parse({ rating: "basic" }) });
    const other = await createTransaction({ actor: clerk, input: txInput({ window: 2 }) });
    await evaluateTransaction({
      actor: clerk,
      id: other.record.id,
      input: evaluationSchema.parse({ rating: "dissatisfied", comment: "态度不好" }),
    });
    await issueTicket({
      actor: clerk,
      input: { category: "other", hall: "522625-H1", appointment: false, urgent: false },
    });

    const commander = await actorFor("zy-commander");
    const s = await windowSupervision({ actor: commander });
    expect(s.waiting).toEqual([
      expect.objectContaining({ hall: "522625-H1", businessKey: "other", letter: "D", waiting: 1 }),
    ]);
    const w2 = s.windows.find((w) => w.hall === "522625-H1" && w.window === 2)!;
    expect(w2.wait.today.count).toBe(1);
    expect(w2.wait.today.avgMin).toBeCloseTo(12, 0);
    expect(w2.service.today.count).toBe(2);
    const me = s.clerks.find((c) => c.clerkId === clerk.userId)!;
    expect(me.name).toBe("龙晓燕");
    expect(me.service.month.count).toBeGreaterThanOrEqual(2);
    expect(s.satisfaction.today).toMatchObject({ basic: 1, dissatisfied: 1, total: 2, rate: 0.5 });
    expect(s.complaints).toHaveLength(1);
    expect(s.complaints[0]).toMatchObject({
      summary: "态度不好",
      ownerName: "吴振国",
      clerkName: "龙晓燕",
      overdue: false,
    });

    // The clerk's own day.
    const day = await clerkDayTotals({ actor: clerk });
    expect(day.transactions).toBe(2);
    expect(day.ratings).toEqual({ basic: 1, dissatisfied: 1 });
    expect(day.ticketsCalled).toBe(1);
    const closing = await closeDay({ actor: clerk, note: "现金已交" });
    expect((closing.totals as { transactions: number }).transactions).toBe(2);
    await closeDay({ actor: clerk });
    expect(await db.windowDayClosing.count({ where: { clerkId: clerk.userId! } })).toBe(1);
  });

  it("only supervisors see supervision and complaints; a Yinjiang commander sees none of Zhenyuan's", async () => {
    const clerk = await actorFor("zy-clerk");
    await expect(windowSupervision({ actor: clerk }).catch(errCode)).resolves.toBe("FORBIDDEN");
    await expect(listComplaints({ actor: clerk }).catch(errCode)).resolves.toBe("FORBIDDEN");
    const yj = await actorFor("yj-commander");
    await expect(windowSupervision({ actor: yj, unitCode: "522625" }).catch(errCode)).resolves.toBe("NOT_FOUND");
    expect((await listComplaints({ actor: yj })).length).toBe(0);
    const open = (await listComplaints({ actor: await actorFor("zy-commander"), status: "open" }))[0];
    await expect(closeComplaint({ actor: yj, input: { id: open.id, closingNote: "x" } }).catch(errCode)).resolves.toBe(
      "NOT_FOUND",
    );
  });

  it("a complaint closes once, with its note", async () => {
    const commander = await actorFor("zy-commander");
    const c = await createComplaint({
      actor: commander,
      input: { source: "phone", summary: "12345 热线：办理时间过长", unitCode: "522625" },
    });
    const closed = await closeComplaint({
      actor: commander,
      input: { id: c.id, closingNote: "已回访，当事人表示满意" },
    });
    expect(closed).toMatchObject({
      status: "closed",
      closingNote: "已回访，当事人表示满意",
      closedById: commander.userId,
    });
    await expect(
      closeComplaint({ actor: commander, input: { id: c.id, closingNote: "again" } }).catch(errCode),
    ).resolves.toBe("CONFLICT");
  });
});

describe("reading transactions", () => {
  it("lists only what is in scope; revealing the full ID number is audited", async () => {
    const yj = await actorFor("yj-clerk");
    const { record } = await createTransaction({
      actor: yj,
      input: txInput({ hall: "520626-H1", applicantName: "印江人" }),
    });
    const zy = await actorFor("zy-clerk");
    const page = await listTransactions({ actor: zy, input: listTransactionsSchema.parse({ limit: 500 }) });
    expect(page.items.some((t) => t.id === record.id)).toBe(false);
    await expect(revealApplicant({ actor: zy, id: record.id }).catch(errCode)).resolves.toBe("NOT_FOUND");
    const full = await revealApplicant({ actor: yj, id: record.id });
    expect(full.applicantIdNumber).toHaveLength(18);
    expect(await db.auditLog.count({ where: { action: "window.transaction.reveal_id", entityId: record.id } })).toBe(1);
    // A device token may read transactions but never reveal.
    const device = {
      ...yj,
      kind: "token" as const,
      userId: null,
      tokenId: yj.id,
      permissions: new Set(["window.view", "window.serve"] as const),
    };
    await expect(revealApplicant({ actor: device, id: record.id }).catch(errCode)).resolves.toBe("FORBIDDEN");
  });
});

describe("follow-ups and difficult cases", () => {
  it("closes a follow-up once the documents come, and records a difficult case solved later", async () => {
    const clerk = await actorFor("zy-clerk");
    const { record } = await createTransaction({
      actor: clerk,
      input: txInput({ result: "returned", missingDocuments: "购车发票", followUpDue: "2099-01-01", difficult: true }),
    });
    expect(record).toMatchObject({ difficult: true, difficultResolved: false });
    const commander = await actorFor("zy-commander");
    expect((await windowSupervision({ actor: commander })).followUps.map((f) => f.id)).toContain(record.id);
    await markFollowUpDone({ actor: clerk, id: record.id });
    expect((await windowSupervision({ actor: commander })).followUps.map((f) => f.id)).not.toContain(record.id);
    const solved = await resolveDifficult({ actor: clerk, id: record.id, resolution: "协调车企补开发票" });
    expect(solved.difficultResolved).toBe(true);
    const plain = await createTransaction({ actor: clerk, input: txInput() });
    await expect(resolveDifficult({ actor: clerk, id: plain.record.id, resolution: "x" }).catch(errCode)).resolves.toBe(
      "INVALID",
    );
    await expect(
      resolveDifficult({ actor: await actorFor("yj-clerk"), id: record.id, resolution: "x" }).catch(errCode),
    ).resolves.toBe("NOT_FOUND");
  });
});

describe("trips, points and halls", () => {
  it("saves trips and points once: edits are audited as a diff, a taken name is 409, a foreign one 404", async () => {
    const admin = await actorFor("admin");
    const point = await saveServicePoint({
      actor: admin,
      input: servicePointSchema.parse({ unitCode: "520626", name: "合水服务点", village: "合水村" }),
    });
    const edited = await saveServicePoint({
      actor: admin,
      input: servicePointSchema.parse({ id: point.id, name: "合水服务点", village: "兴旺村" }),
    });
    expect([edited.id, edited.village, edited.unitPath]).toEqual([point.id, "兴旺村", point.unitPath]);
    const audits = await db.auditLog.findMany({
      where: { entity: "window_service_point", entityId: point.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["window.point.create", "window.point.update"]);
    expect([audits[1].before, audits[1].after]).toEqual([{ village: "合水村" }, { village: "兴旺村" }]);
    await expect(
      saveServicePoint({
        actor: admin,
        input: servicePointSchema.parse({ unitCode: "520626", name: "合水服务点", village: "x" }),
      }).catch(errCode),
    ).resolves.toBe("CONFLICT");
    const zy = await actorFor("cq-admin");
    await expect(
      saveServicePoint({
        actor: zy,
        input: servicePointSchema.parse({ id: point.id, name: "改名", village: "x" }),
      }).catch(errCode),
    ).resolves.toBe("NOT_FOUND");

    const clerk = await actorFor("yj-clerk");
    const trip = {
      tripDate: "2026-11-20",
      township: "沙子坡镇",
      examSessions: "1",
      candidates: "10",
      externalRef: "T-1",
    };
    const first = await saveOutreachTrip({ actor: clerk, input: outreachTripSchema.parse(trip) });
    await saveOutreachTrip({
      actor: clerk,
      input: outreachTripSchema.parse({ ...trip, id: first.id, candidates: "12" }),
    });
    expect(
      (await db.auditLog.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" } })).map((a) => a.action),
    ).toEqual(["window.trip.create", "window.trip.update"]);
    await expect(
      saveOutreachTrip({ actor: clerk, input: outreachTripSchema.parse(trip) }).catch(errCode),
    ).resolves.toBe("CONFLICT");
  });

  it("clerks log trips; only managers edit points, hours and windows", async () => {
    const clerk = await actorFor("yj-clerk");
    const trip = await saveOutreachTrip({
      actor: clerk,
      input: outreachTripSchema.parse({
        tripDate: "2026-11-12",
        township: "木黄镇",
        examSessions: "2",
        candidates: "30",
        passed: "28",
      }),
    });
    expect(trip.unitPath).toBe("/520000/520600/520626/");
    expect((await listOutreachTrips({ actor: clerk, year: 2026 })).map((t) => t.township)).toContain("木黄镇");
    expect(
      outreachTripSchema.safeParse({ tripDate: "2026-11-12", township: "x", candidates: 3, passed: 4 }).success,
    ).toBe(false);
    await expect(
      saveServicePoint({ actor: clerk, input: servicePointSchema.parse({ name: "新点", village: "新村" }) }).catch(
        errCode,
      ),
    ).resolves.toBe("FORBIDDEN");
    const hall = await db.windowHall.findUniqueOrThrow({ where: { code: "520626-H1" } });
    const days = Array.from({ length: 7 }, (_, i) => ({
      weekday: i + 1,
      open: i < 5,
      opens: "08:00",
      closes: "18:00",
    }));
    await expect(
      saveHallHours({ actor: clerk, input: hallHoursSchema.parse({ hallId: hall.id, days }) }).catch(errCode),
    ).resolves.toBe("FORBIDDEN");
    await expect(
      saveCounter({
        actor: await actorFor("yj-commander"),
        input: { hallId: hall.id, number: 7, letters: [], active: true, label: undefined },
      }).catch(errCode),
    ).resolves.toBe("FORBIDDEN");

    const admin = await actorFor("admin");
    await saveHallHours({ actor: admin, input: hallHoursSchema.parse({ hallId: hall.id, days }) });
    expect(await db.windowHallHours.count({ where: { hallId: hall.id } })).toBe(5);
    const cq = await actorFor("cq-admin");
    await expect(
      saveHallHours({ actor: cq, input: hallHoursSchema.parse({ hallId: hall.id, days }) }).catch(errCode),
    ).resolves.toBe("NOT_FOUND");
    expect(
      hallHoursSchema.safeParse({ hallId: hall.id, days: days.map((d) => ({ ...d, closes: "07:00" })) }).success,
    ).toBe(false);
  });
});
