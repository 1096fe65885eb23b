/** Window transactions: validation, idempotency, after-hours, evaluations and complaints, scope. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { toAuditJson } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { createTransaction } from "@/lib/window/create-transaction";
import { evaluateTransaction } from "@/lib/window/evaluate-transaction";
import { createTransactionSchema, evaluationSchema } from "@/lib/window/schemas";
import { transactionAudit, transactionSelect } from "@/lib/window/transaction-dto";
import { issueTicket, callNext } from "@/lib/window/tickets";
import { actorFor } from "../setup/actors";
import { errCode, errOf, seedWindowData, txInput, validId } from "./window-helpers";

beforeAll(seedWindowData);

describe("validation", () => {
  it("checks the ID-card number's GB 11643 check character", () => {
    const good = validId("11010519491231002");
    expect(good).toBe("11010519491231002X");
    expect(
      createTransactionSchema.safeParse({ business: "other", applicantName: "李四", applicantIdNumber: good }).success,
    ).toBe(true);
    const wrongCheck = good.slice(0, 17) + "1";
    const r = createTransactionSchema.safeParse({
      business: "other",
      applicantName: "李四",
      applicantIdNumber: wrongCheck,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["applicantIdNumber", "validation.idCard"],
    ]);
    // A lower-case x is the same number.
    expect(
      createTransactionSchema.parse({ business: "other", applicantName: "李四", applicantIdNumber: good.toLowerCase() })
        .applicantIdNumber,
    ).toBe(good);
  });

  it("requires what a result needs: documents and a follow-up date when returned, a reason when refused, payment when a fee is due", () => {
    const base = { business: "other", applicantName: "李四", applicantIdNumber: validId() };
    const paths = (o: object) =>
      createTransactionSchema
        .safeParse({ ...base, ...o })
        .error?.issues.map((i) => i.path.join("."))
        .sort();
    expect(paths({ result: "returned" })).toEqual(["followUpDue", "missingDocuments"]);
    expect(paths({ result: "refused" })).toEqual(["refusalReason"]);
    expect(paths({ tolerated: true, result: "refused", refusalReason: "x" })).toEqual([
      "followUpDue",
      "missingDocuments",
      "tolerated",
    ]);
    expect(paths({ feeYuan: 10 })).toEqual(["payment"]);
    expect(paths({ channel: "outreach" })).toEqual(["outreachTripId"]);
    expect(paths({ startedAt: "2026-01-02T10:00:00Z", completedAt: "2026-01-02T09:00:00Z" })).toEqual(["completedAt"]);
    expect(paths({ completedAt: "2999-01-01T00:00:00Z" })).toEqual(["completedAt"]);
  });

  it("a fee from the catalogue needs a payment method; nothing is written when refused", async () => {
    const clerk = await actorFor("zy-clerk");
    const before = await db.windowTransaction.count();
    await expect(
      createTransaction({ actor: clerk, input: txInput({ business: "new_registration_car" }) }).catch(errOf),
    ).resolves.toMatchObject({ code: "INVALID", fields: ["payment"] });
    const ok = await createTransaction({
      actor: clerk,
      input: txInput({ business: "new_registration_car", payment: "pos", plate: "贵h·a1234" }),
    });
    expect(ok.record).toMatchObject({
      feeYuan: 110,
      payment: "pos",
      plate: "贵HA1234",
      categoryKey: "new_registration_car",
    });
    expect(await db.windowTransaction.count()).toBe(before + 1);
  });
});

describe("idempotency", () => {
  it("10 concurrent submissions with one Idempotency-Key create exactly one transaction", async () => {
    const clerk = await actorFor("zy-clerk");
    const input = txInput({ applicantName: "王五", externalRef: undefined });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createTransaction({ actor: clerk, input, idempotencyKey: "key-concurrent-1" })),
    );
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect(results.filter((r) => r.created).length).toBe(1);
    expect(await db.windowTransaction.count({ where: { applicantName: "王五" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "window_transaction", entityId: results[0].record.id } })).toBe(
      1,
    );
  });

  it("the same key with a different body is a conflict", async () => {
    const clerk = await actorFor("zy-clerk");
    await createTransaction({ actor: clerk, input: txInput({ applicantName: "赵六" }), idempotencyKey: "key-2" });
    await expect(
      createTransaction({ actor: clerk, input: txInput({ applicantName: "赵七" }), idempotencyKey: "key-2" }).catch(
        errCode,
      ),
    ).resolves.toBe("CONFLICT");
    expect(await db.windowTransaction.count({ where: { applicantName: "赵七" } })).toBe(0);
  });

  it("externalRef: a replay returns the record, different content is a conflict, concurrent firsts make one row", async () => {
    const token = await actorFor("zy-clerk");
    const input = txInput({ externalRef: "dev-42", applicantName: "钱八", completedAt: "2026-11-16T03:00:00Z" });
    const runs = await Promise.all(Array.from({ length: 5 }, () => createTransaction({ actor: token, input })));
    expect(new Set(runs.map((r) => r.record.id)).size).toBe(1);
    expect(runs.filter((r) => r.created).length).toBe(1);
    await expect(
      createTransaction({ actor: token, input: { ...input, feeYuan: 5, payment: "cash" } }).catch(errCode),
    ).resolves.toBe("CONFLICT");
    expect(await db.windowTransaction.count({ where: { externalRef: "dev-42" } })).toBe(1);
  });

  it("a key stored with its result at once: a new key meeting a stored externalRef records that row, and replays it", async () => {
    const clerk = await actorFor("zy-clerk");
    const input = txInput({ externalRef: "dev-43", applicantName: "孙九", completedAt: "2026-11-16T04:00:00Z" });
    const first = await createTransaction({ actor: clerk, input, idempotencyKey: "key-ref-1" });
    expect(first.created).toBe(true);
    const keyRow = (key: string) =>
      db.$queryRaw<{ result_id: string }[]>`SELECT result_id FROM idempotency_keys WHERE key = ${key}`;
    expect(await keyRow("key-ref-1")).toEqual([{ result_id: first.record.id }]);
    // Another key, same row by its externalRef: a replay, and the key points at that row…
    const second = await createTransaction({ actor: clerk, input, idempotencyKey: "key-ref-2" });
    expect(second).toMatchObject({ created: false, record: { id: first.record.id } });
    expect(await keyRow("key-ref-2")).toEqual([{ result_id: first.record.id }]);
    // …so sending it again replays the same row (not "refers to a record that no longer exists").
    const third = await createTransaction({ actor: clerk, input, idempotencyKey: "key-ref-2" });
    expect(third).toMatchObject({ created: false, record: { id: first.record.id } });
    expect(await db.windowTransaction.count({ where: { externalRef: "dev-43" } })).toBe(1);
  });
});

describe("one statement", () => {
  it("a create without a ticket is one statement, and stores and answers what a re-read and the audit give", async () => {
    const clerk = await actorFor("zy-clerk");
    const transactions = vi.spyOn(db, "$transaction");
    try {
      const input = txInput({
        applicantName: "周一",
        result: "returned",
        missingDocuments: "身份证复印件",
        followUpDue: "2026-11-20",
        completedAt: "2026-11-16T11:00:00Z", // 19:00 in Zhenyuan: after hours, set by the trigger
        externalRef: "one-stmt-1",
        plate: "贵H11111",
      });
      const out = await createTransaction({ actor: clerk, input, idempotencyKey: "one-stmt-key" });
      expect(transactions).not.toHaveBeenCalled();
      expect(out.created).toBe(true);
      const stored = await db.windowTransaction.findUniqueOrThrow({
        where: { id: out.record.id },
        select: transactionSelect,
      });
      expect(out.record).toEqual(stored);
      expect(stored).toMatchObject({ afterHours: true, followUpDue: new Date("2026-11-20T00:00:00Z") });
      const audit = await db.auditLog.findMany({ where: { entity: "window_transaction", entityId: stored.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "window.transaction.create", // as the transaction path writes it
        actorUserId: clerk.userId,
        unitId: stored.unitId,
        unitPath: stored.unitPath,
        before: null,
      });
      expect(audit[0].after).toEqual(toAuditJson(transactionAudit(stored)));
      const [key] = await db.$queryRaw<{ result_id: string }[]>`
        SELECT result_id FROM idempotency_keys WHERE key = 'one-stmt-key'`;
      expect(key.result_id).toBe(stored.id);

      // A replay meets the stored key: the statement fails as a whole, and the transaction path answers.
      const again = await createTransaction({ actor: clerk, input, idempotencyKey: "one-stmt-key" });
      expect(again).toMatchObject({ created: false, record: { id: stored.id } });
      expect(transactions).toHaveBeenCalledTimes(1);
      // So does an externalRef replay under a new key, which then names that record.
      const byRef = await createTransaction({ actor: clerk, input, idempotencyKey: "one-stmt-key-2" });
      expect(byRef).toMatchObject({ created: false, record: { id: stored.id } });
      const [key2] = await db.$queryRaw<{ result_id: string }[]>`
        SELECT result_id FROM idempotency_keys WHERE key = 'one-stmt-key-2'`;
      expect(key2.result_id).toBe(stored.id);
      expect(await db.windowTransaction.count({ where: { externalRef: "one-stmt-1" } })).toBe(1);
      expect(await db.auditLog.count({ where: { entity: "window_transaction", entityId: stored.id } })).toBe(1);
    } finally {
      transactions.mockRestore();
    }
  });

  it("a statement refused for another reason than a unique key writes nothing and is the error", async () => {
    const clerk = await actorFor("zy-clerk");
    const before = await db.windowTransaction.count();
    const keys = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM idempotency_keys`;
    // A negative fee only the table's check refuses (the schema does first; this bypasses it).
    const input = { ...txInput({ applicantName: "吴" }), feeYuan: -1 };
    const transactions = vi.spyOn(db, "$transaction");
    try {
      await expect(createTransaction({ actor: clerk, input, idempotencyKey: "one-stmt-bad" })).rejects.toThrow(
        /window_transactions_fee_check/,
      );
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      transactions.mockRestore();
    }
    expect(await db.windowTransaction.count()).toBe(before);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM idempotency_keys`).toEqual(keys);
  });
});

describe("after hours (三不下班)", () => {
  // Zhenyuan hall: Monday–Friday 08:30–17:30; Yinjiang also Saturday 09:00–12:00. 2026-11-16 is a Monday.
  const at = async (hall: string, completedAt: string, channel = "hall") => {
    const clerk = await actorFor(hall.startsWith("522625") ? "zy-clerk" : "yj-clerk");
    const extra = channel === "hall" ? { hall } : { hall: undefined, window: undefined, channel };
    const { record } = await createTransaction({
      actor: clerk,
      input: txInput({ ...extra, completedAt, startedAt: new Date(Date.parse(completedAt) - 600_000).toISOString() }),
    });
    return record.afterHours;
  };
  it("flags completions after closing time, to the millisecond", async () => {
    expect(await at("522625-H1", "2026-11-16T17:30:00.000+08:00")).toBe(false);
    expect(await at("522625-H1", "2026-11-16T17:30:00.001+08:00")).toBe(true);
    expect(await at("522625-H1", "2026-11-16T16:59:59.999+08:00")).toBe(false);
    expect(await at("522625-H1", "2026-11-16T23:59:00+08:00")).toBe(true);
  });
  it("flags completions before opening and on closed days; uses local (Asia/Shanghai) time", async () => {
    expect(await at("522625-H1", "2026-11-16T08:30:00.000+08:00")).toBe(false);
    expect(await at("522625-H1", "2026-11-16T08:29:59.999+08:00")).toBe(true);
    // Saturday: Zhenyuan is closed, Yinjiang opens 09:00–12:00.
    expect(await at("522625-H1", "2026-11-21T10:00:00+08:00")).toBe(true);
    expect(await at("520626-H1", "2026-11-21T10:00:00+08:00")).toBe(false);
    expect(await at("520626-H1", "2026-11-21T12:00:00.001+08:00")).toBe(true);
    // 2026-11-16 01:00 UTC is 09:00 Monday in Shanghai (open), though Sunday night elsewhere.
    expect(await at("522625-H1", "2026-11-16T01:00:00Z")).toBe(false);
  });
  it("is never set for work without a hall (online)", async () => {
    expect(await at("522625-H1", "2026-11-16T22:00:00+08:00", "online")).toBe(false);
  });
});

describe("tickets and transactions", () => {
  it("completing a transaction completes its ticket, unless another business follows", async () => {
    const clerk = await actorFor("zy-clerk");
    await issueTicket({
      actor: clerk,
      input: { category: "licence_review", hall: "522625-H1", appointment: false, urgent: false },
    });
    const called = (await callNext({ actor: clerk, input: { hall: "522625-H1", window: 3 } }))!;
    const first = await createTransaction({
      actor: clerk,
      input: txInput({ ticketId: called.id, window: undefined, keepTicketOpen: true }),
    });
    expect(first.record.counter?.number).toBe(3);
    expect((await db.windowTicket.findUniqueOrThrow({ where: { id: called.id } })).status).toBe("called");
    await createTransaction({
      actor: clerk,
      input: txInput({
        ticketId: called.id,
        window: undefined,
        business: "licence_replacement",
        feeYuan: 10,
        payment: "epay",
      }),
    });
    const t = await db.windowTicket.findUniqueOrThrow({ where: { id: called.id } });
    expect(t.status).toBe("done");
    expect(t.completedAt).not.toBeNull();
    await expect(
      createTransaction({ actor: clerk, input: txInput({ ticketId: called.id, window: undefined }) }).catch(errCode),
    ).resolves.toBe("CONFLICT");
  });
});

describe("evaluations and complaints", () => {
  it("a dissatisfied rating opens a complaint owned by the brigade's commander, due in 7 days", async () => {
    const clerk = await actorFor("zy-clerk");
    const { record } = await createTransaction({ actor: clerk, input: txInput({ applicantName: "孙九" }) });
    const res = await evaluateTransaction({
      actor: clerk,
      id: record.id,
      input: evaluationSchema.parse({ rating: "dissatisfied", comment: "等候太久" }),
    });
    expect(res.created).toBe(true);
    const complaint = await db.windowComplaint.findFirstOrThrow({ where: { transactionId: record.id } });
    const commander = await db.user.findUniqueOrThrow({ where: { username: "zy-commander" } });
    expect(complaint).toMatchObject({
      status: "open",
      source: "evaluation",
      ownerId: commander.id,
      clerkId: clerk.userId,
      summary: "等候太久",
      unitPath: record.unitPath,
    });
    const days = Math.round(
      (complaint.dueDate.getTime() - Date.parse(complaint.openedAt.toISOString().slice(0, 10))) / 86400_000,
    );
    expect(days).toBeGreaterThanOrEqual(7);
    expect(days).toBeLessThanOrEqual(8);
    // The same rating again is a replay; another rating is refused.
    const again = await evaluateTransaction({
      actor: clerk,
      id: record.id,
      input: { rating: "dissatisfied", comment: "等候太久" },
    });
    expect(again.created).toBe(false);
    await expect(
      evaluateTransaction({
        actor: clerk,
        id: record.id,
        input: evaluationSchema.parse({ rating: "satisfied" }),
      }).catch(errCode),
    ).resolves.toBe("CONFLICT");
    expect(await db.windowComplaint.count({ where: { transactionId: record.id } })).toBe(1);
  });

  it("satisfied and basic ratings open no complaint", async () => {
    const clerk = await actorFor("zy-clerk");
    for (const rating of ["satisfied", "basic"] as const) {
      const { record } = await createTransaction({ actor: clerk, input: txInput() });
      await evaluateTransaction({ actor: clerk, id: record.id, input: evaluationSchema.parse({ rating }) });
      expect(await db.windowComplaint.count({ where: { transactionId: record.id } })).toBe(0);
    }
  });
});

describe("references", () => {
  it("a hall named by id is the hall named by code, window included; a hall out of scope by id and an inactive business are refused", async () => {
    const zy = await actorFor("zy-clerk");
    const h1 = await db.windowHall.findUniqueOrThrow({ where: { code: "522625-H1" }, select: { id: true } });
    const yjHall = await db.windowHall.findUniqueOrThrow({ where: { code: "520626-H1" }, select: { id: true } });
    const byCode = (await createTransaction({ actor: zy, input: txInput({ window: 2 }) })).record;
    const byId = (await createTransaction({ actor: zy, input: txInput({ hall: h1.id, window: 2 }) })).record;
    expect(byId).toMatchObject({
      hallId: h1.id,
      counterId: byCode.counterId,
      hall: byCode.hall,
      counter: { number: 2 },
    });
    await expect(
      createTransaction({ actor: zy, input: txInput({ hall: yjHall.id }) }).catch(errOf),
    ).resolves.toMatchObject({ code: "INVALID", fields: ["hall"] });
    await db.windowBusiness.update({ where: { key: "other" }, data: { active: false } });
    try {
      await expect(
        createTransaction({ actor: zy, input: txInput({ business: "other" }) }).catch(errOf),
      ).resolves.toMatchObject({ code: "INVALID", fields: ["business"] });
    } finally {
      await db.windowBusiness.update({ where: { key: "other" }, data: { active: true } });
    }
  });
});

describe("scope", () => {
  it("a Zhenyuan clerk cannot rate, or record against, Yinjiang's records", async () => {
    const yj = await actorFor("yj-clerk");
    const zy = await actorFor("zy-clerk");
    const { record } = await createTransaction({ actor: yj, input: txInput({ hall: "520626-H1" }) });
    expect(record.unitPath).toBe("/520000/520600/520626/");
    await expect(
      evaluateTransaction({ actor: zy, id: record.id, input: evaluationSchema.parse({ rating: "satisfied" }) }).catch(
        errCode,
      ),
    ).resolves.toBe("NOT_FOUND");
    const trip = await db.outreachTrip.findFirstOrThrow({
      where: { unitPath: { startsWith: "/520000/520600/520626/" } },
    });
    await expect(
      createTransaction({
        actor: zy,
        input: txInput({ channel: "outreach", outreachTripId: trip.id, hall: undefined, window: undefined }),
      }).catch(errOf),
    ).resolves.toMatchObject({ code: "INVALID", fields: ["outreachTripId"] });
    await expect(
      createTransaction({ actor: zy, input: txInput({ hall: "520626-H1" }) }).catch(errOf),
    ).resolves.toMatchObject({ code: "INVALID", fields: ["hall"] });
    const commander = await actorFor("zy-commander");
    await expect(createTransaction({ actor: commander, input: txInput() }).catch(errCode)).resolves.toBe("FORBIDDEN");
  });
});
