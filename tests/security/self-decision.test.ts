/**
 * Issue 13, item 10 and the live-stream caps: no one decides an appeal they filed (the app
 * refuses, and so does the database); a clerk does not rate their own transaction (the app
 * refuses, and so does the database), except the citizen's keys on the clerk's screen at the
 * counter right after completion; the public hall board's streams are capped per unit and
 * overall, and a closed stream frees its slot.
 * (The app's database role and the audit table: audit-chain.test.ts.)
 */
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as boardEvents } from "@/app/api/v1/hall/[unitCode]/events/route";
import { db } from "@/lib/db";
import { decideAppeal, fileAppeal } from "@/lib/violations/appeals";
import { createViolation } from "@/lib/violations/create-violation";
import { createViolationSchema, decideAppealSchema, fileAppealSchema } from "@/lib/violations/schemas";
import { createTransaction } from "@/lib/window/create-transaction";
import { evaluateTransaction } from "@/lib/window/evaluate-transaction";
import { evaluationSchema } from "@/lib/window/schemas";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, ZHENYUAN } from "../setup/records";
import { seedWindowData, txInput } from "../db/window-helpers";

beforeAll(async () => {
  await ensureCatalogue();
  await seedWindowData();
});
afterEach(() => vi.unstubAllEnvs());

async function appealFiledBy(username: string) {
  const v = await createViolation({
    actor: await actorFor("zy-officer"),
    input: createViolationSchema.parse({
      occurredAt: "2026-03-01T08:00:00+08:00",
      ...ZHENYUAN,
      type: "illegal_parking",
      plate: `贵H${Math.floor(10000 + Math.random() * 89999)}`,
    }),
  });
  const { appeal } = await fileAppeal({
    actor: await actorFor(username),
    input: fileAppealSchema.parse({ violationId: v.record.id, reason: "不是我的车" }),
  });
  return appeal;
}

describe("no one decides their own appeal", () => {
  it("a commander who filed an appeal may not decide it; nothing is written; the legal office may", async () => {
    const appeal = await appealFiledBy("zy-commander");
    const commander = await actorFor("zy-commander");
    const audit = await db.auditLog.count({ where: { entityId: appeal.id } });
    for (const decision of ["upheld", "revoked"] as const) {
      const input = decideAppealSchema.parse({ appealId: appeal.id, decision, note: "自己决定" });
      expect(await codeOf(decideAppeal({ actor: commander, input }))).toBe("FORBIDDEN");
    }
    const row = await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(row).toMatchObject({ status: "pending", decidedById: null, decidedAt: null });
    expect((await db.violation.findUniqueOrThrow({ where: { id: row.violationId } })).status).toBe("appealed");
    expect(await db.auditLog.count({ where: { entityId: appeal.id } })).toBe(audit);
    const legal = await actorFor("zy-legal");
    await decideAppeal({ actor: legal, input: decideAppealSchema.parse({ appealId: appeal.id, decision: "upheld" }) });
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).decidedById).toBe(legal.userId);
  });

  it("the database refuses it too, whoever writes it (here the schema owner)", async () => {
    const appeal = await appealFiledBy("zy-officer");
    await expect(
      db.$executeRaw`UPDATE appeals SET status = 'upheld', decided_by_id = filed_by_id, decided_at = now() WHERE id = ${appeal.id}::uuid`,
    ).rejects.toThrow(/appeals_not_decided_by_filer/);
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status).toBe("pending");
  });
});

describe("no clerk rates their own transaction", () => {
  it("after the counter moment the serving clerk is refused and nothing is written; a colleague may record it", async () => {
    const clerk = await actorFor("zy-clerk");
    const { record } = await createTransaction({ actor: clerk, input: txInput({ applicantName: "周一" }) });
    // Ten minutes later: no longer the citizen's keys on the clerk's screen.
    await db.windowTransaction.update({
      where: { id: record.id },
      data: { startedAt: new Date(Date.now() - 20 * 60_000), completedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const audit = await db.auditLog.count();
    const complaints = await db.windowComplaint.count();
    for (const rating of ["satisfied", "dissatisfied"] as const) {
      const input = evaluationSchema.parse({ rating });
      expect(await codeOf(evaluateTransaction({ actor: clerk, id: record.id, input }))).toBe("FORBIDDEN");
    }
    expect(await db.windowEvaluation.count({ where: { transactionId: record.id } })).toBe(0);
    expect(await db.windowComplaint.count()).toBe(complaints);
    expect(await db.auditLog.count()).toBe(audit);
    const colleague = await actorFor("zy-clerk2");
    const r = await evaluateTransaction({
      actor: colleague,
      id: record.id,
      input: evaluationSchema.parse({ rating: "satisfied" }),
    });
    expect(r.created).toBe(true);
  });

  it("the database refuses it too, whoever writes it (here the schema owner); a colleague's rating names them", async () => {
    const clerk = await actorFor("zy-clerk");
    const { record } = await createTransaction({ actor: clerk, input: txInput({ applicantName: "郑三" }) });
    await db.windowTransaction.update({
      where: { id: record.id },
      data: { startedAt: new Date(Date.now() - 20 * 60_000), completedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const rate = (by: string) => db.$executeRaw`
      INSERT INTO window_evaluations (transaction_id, unit_id, unit_path, brigade_id, clerk_id, evaluated_by_id, business_key, rating, evaluated_at)
      SELECT id, unit_id, unit_path, brigade_id, clerk_id, ${by}::uuid, business_key, 'satisfied', completed_at + interval '1 minute'
        FROM window_transactions WHERE id = ${record.id}::uuid`;
    // A back-dated evaluated_at does not help: the clock is past the counter moment.
    await expect(rate(clerk.userId)).rejects.toThrow(/window_evaluations_not_by_serving_clerk/);
    expect(await db.windowEvaluation.count({ where: { transactionId: record.id } })).toBe(0);
    // A colleague's rating names the colleague; it cannot be turned into the clerk's afterwards.
    const colleague = await actorFor("zy-clerk2");
    await evaluateTransaction({ actor: colleague, id: record.id, input: evaluationSchema.parse({ rating: "basic" }) });
    const row = await db.windowEvaluation.findUniqueOrThrow({ where: { transactionId: record.id } });
    expect(row.evaluatedById).toBe(colleague.userId);
    await expect(
      db.$executeRaw`UPDATE window_evaluations SET evaluated_by_id = clerk_id WHERE id = ${row.id}::uuid`,
    ).rejects.toThrow(/window_evaluations_not_by_serving_clerk/);
    expect((await db.windowEvaluation.findUniqueOrThrow({ where: { id: row.id } })).evaluatedById).toBe(
      colleague.userId,
    );
  });

  it("at the counter, right after completion, the clerk's screen takes the citizen's rating", async () => {
    const clerk = await actorFor("zy-clerk");
    const { record } = await createTransaction({ actor: clerk, input: txInput({ applicantName: "吴二" }) });
    const r = await evaluateTransaction({
      actor: clerk,
      id: record.id,
      input: evaluationSchema.parse({ rating: "basic" }),
    });
    expect(r.created).toBe(true);
    // The database lets the serving clerk's screen record it in that moment.
    expect((await db.windowEvaluation.findUniqueOrThrow({ where: { transactionId: record.id } })).evaluatedById).toBe(
      clerk.userId,
    );
  });
});

describe("the public hall board's streams are capped", () => {
  const open = async (unitCode: string, hall: string) => {
    const abort = new AbortController();
    const req = new NextRequest(`http://localhost/api/v1/hall/${unitCode}/events?hall=${hall}`, {
      signal: abort.signal,
    });
    const res = await boardEvents(req, { params: Promise.resolve({ unitCode }) });
    const close = async () => {
      abort.abort();
      await res.body?.cancel().catch(() => {});
    };
    if (res.status === 200)
      await res
        .body!.getReader()
        .read()
        .then((r) => expect(r.done).toBe(false));
    return { res, close };
  };

  it("per unit and overall: 503 with Retry-After past a cap; a closed stream frees its slot", async () => {
    vi.stubEnv("HALL_BOARD_MAX_STREAMS_PER_UNIT", "2");
    vi.stubEnv("HALL_BOARD_MAX_STREAMS", "3");
    const zy1 = await open("522625", "522625-H1");
    const zy2 = await open("522625", "522625-H1");
    expect([zy1.res.status, zy2.res.status]).toEqual([200, 200]);
    const zy3 = await open("522625", "522625-H1");
    expect(zy3.res.status).toBe(503);
    expect(zy3.res.headers.get("retry-after")).toBe("30");
    // Another unit still has room under the overall cap, until it is reached.
    const yj1 = await open("520626", "520626-H1");
    expect(yj1.res.status).toBe(200);
    expect((await open("520626", "520626-H1")).res.status).toBe(503);
    await zy1.close();
    await expect
      .poll(async () => {
        const again = await open("522625", "522625-H1");
        await again.close();
        return again.res.status;
      })
      .toBe(200);
    for (const s of [zy2, yj1]) await s.close();
  });

  it("the board's stream carries no unit path", async () => {
    const abort = new AbortController();
    const res = await boardEvents(
      new NextRequest("http://localhost/api/v1/hall/522625/events?hall=522625-H1", { signal: abort.signal }),
      { params: Promise.resolve({ unitCode: "522625" }) },
    );
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("window.board.state")) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await reader.cancel().catch(() => {});
    expect(text).toContain("522625-H1");
    expect(text).not.toContain("/520000/");
  });
});
