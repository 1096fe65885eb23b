/** Appeals (申辩): due dates, the queue order, decisions that update the violation atomically. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideAppeal, fileAppeal, listAppeals } from "@/lib/violations/appeals";
import { createViolation } from "@/lib/violations/create-violation";
import { appealDueAt, daysLeft, isOverdue } from "@/lib/violations/rules";
import {
  createViolationSchema,
  decideAppealSchema,
  fileAppealSchema,
  listAppealsSchema,
} from "@/lib/violations/schemas";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, YINJIANG, ZHENYUAN } from "../setup/records";

beforeAll(ensureCatalogue);

async function violation(actorName = "zy-officer", over: Record<string, unknown> = {}) {
  const input = createViolationSchema.parse({
    occurredAt: "2026-01-10T08:00:00+08:00",
    ...ZHENYUAN,
    type: "illegal_parking",
    plate: "贵H10001",
    fineYuan: 100,
    ...over,
  });
  return (await createViolation({ actor: await actorFor(actorName), input })).record;
}

describe("appeal due dates", () => {
  it("is due at the end of the 15th local day after filing", () => {
    // Filed 2026-03-01 23:30 Beijing time (15:30 UTC) → due 2026-03-16 23:59:59.999 Beijing.
    expect(appealDueAt(new Date("2026-03-01T15:30:00Z")).toISOString()).toBe("2026-03-16T15:59:59.999Z");
    // Filed 00:10 Beijing on 2026-03-02 (still 03-01 in UTC) → due 2026-03-17 Beijing.
    expect(appealDueAt(new Date("2026-03-01T16:10:00Z")).toISOString()).toBe("2026-03-17T15:59:59.999Z");
    const due = appealDueAt(new Date("2026-03-01T02:00:00Z"));
    expect(isOverdue({ status: "pending", dueAt: due }, new Date("2026-03-16T15:59:59Z"))).toBe(false);
    expect(isOverdue({ status: "pending", dueAt: due }, new Date("2026-03-16T16:00:00Z"))).toBe(true);
    expect(isOverdue({ status: "upheld", dueAt: due }, new Date("2026-04-01T00:00:00Z"))).toBe(false);
    expect(daysLeft(due, new Date("2026-03-01T02:00:00Z"))).toBe(15);
  });
});

describe("filing and deciding", () => {
  it("filing marks the violation appealed; a commander's decision sets its status in the same transaction", async () => {
    const v = await violation();
    const officer = await actorFor("zy-officer");
    const { appeal } = await fileAppeal({
      actor: officer,
      input: fileAppealSchema.parse({ violationId: v.id, reason: "车辆当时正在上下客", appellant: "李四 13900000000" }),
    });
    expect(appeal.dueAt.getTime()).toBe(appealDueAt(appeal.filedAt).getTime());
    expect((await db.violation.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("appealed");
    // Filing again with the same reason is a replay; another reason is a conflict.
    await expect(
      fileAppeal({
        actor: officer,
        input: fileAppealSchema.parse({ violationId: v.id, reason: "车辆当时正在上下客" }),
      }),
    ).resolves.toMatchObject({ replayed: true });
    expect(
      await codeOf(
        fileAppeal({ actor: officer, input: fileAppealSchema.parse({ violationId: v.id, reason: "另一个理由" }) }),
      ),
    ).toBe("CONFLICT");

    expect(
      await codeOf(
        decideAppeal({ actor: officer, input: decideAppealSchema.parse({ appealId: appeal.id, decision: "upheld" }) }),
      ),
    ).toBe("FORBIDDEN");
    const commander = await actorFor("zy-commander");
    const decided = await decideAppeal({
      actor: commander,
      input: decideAppealSchema.parse({
        appealId: appeal.id,
        decision: "revoked",
        note: "监控显示确在上下客，撤销处罚",
      }),
    });
    expect(decided).toMatchObject({ status: "revoked", decidedById: commander.userId });
    expect((await db.violation.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("revoked");
    expect(
      await db.auditLog.count({ where: { entityId: v.id, action: { in: ["appeal.file", "appeal.revoked"] } } }),
    ).toBe(2);
    // Deciding again differently is refused.
    expect(
      await codeOf(
        decideAppeal({
          actor: commander,
          input: decideAppealSchema.parse({ appealId: appeal.id, decision: "upheld" }),
        }),
      ),
    ).toBe("CONFLICT");
  });

  it("the legal office decides too; revoking needs a note; closed violations cannot be appealed", async () => {
    const legal = await actorFor("zy-legal");
    expect(
      decideAppealSchema.safeParse({ appealId: "0190aaaa-0000-7000-8000-000000000000", decision: "revoked" }).success,
    ).toBe(false);
    const v = await violation();
    const { appeal } = await fileAppeal({
      actor: await actorFor("zy-officer"),
      input: fileAppealSchema.parse({ violationId: v.id, reason: "不是本人驾驶" }),
    });
    await decideAppeal({ actor: legal, input: decideAppealSchema.parse({ appealId: appeal.id, decision: "upheld" }) });
    expect((await db.violation.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("upheld");

    const closed = await violation();
    await db.violation.update({ where: { id: closed.id }, data: { status: "closed" } });
    expect(
      await codeOf(
        fileAppeal({ actor: legal, input: fileAppealSchema.parse({ violationId: closed.id, reason: "x" }) }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        fileAppeal({
          actor: await actorFor("zy-commander"),
          input: fileAppealSchema.parse({ violationId: closed.id, reason: "x" }),
        }),
      ),
    ).toBe("CONFLICT");
  });

  it("a Yinjiang commander can neither decide nor see a Zhenyuan appeal; a Zhenyuan user cannot file on a Yinjiang violation", async () => {
    const v = await violation();
    const { appeal } = await fileAppeal({
      actor: await actorFor("zy-officer"),
      input: fileAppealSchema.parse({ violationId: v.id, reason: "理由" }),
    });
    const yj = await actorFor("yj-commander");
    expect(
      await codeOf(
        decideAppeal({ actor: yj, input: decideAppealSchema.parse({ appealId: appeal.id, decision: "upheld" }) }),
      ),
    ).toBe("NOT_FOUND");
    const theirQueue = await listAppeals({ actor: yj, input: listAppealsSchema.parse({}) });
    expect(theirQueue.items.map((a) => a.id)).not.toContain(appeal.id);
    const yjViolation = await violation("yj-commander", YINJIANG);
    expect(
      await codeOf(
        fileAppeal({
          actor: await actorFor("zy-commander"),
          input: fileAppealSchema.parse({ violationId: yjViolation.id, reason: "x" }),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect((await db.violation.findUniqueOrThrow({ where: { id: yjViolation.id } })).status).toBe("recorded");
  });

  it("the queue lists pending appeals by due date, overdue ones first", async () => {
    const officer = await actorFor("zy-officer");
    const filings = [
      { reason: "late", filedAt: new Date(Date.now() - 20 * 86400_000) }, // overdue
      { reason: "fresh", filedAt: new Date(Date.now() - 1 * 86400_000) },
      { reason: "middle", filedAt: new Date(Date.now() - 10 * 86400_000) },
    ];
    for (const f of filings) {
      const v = await violation("zy-officer", { occurredAt: new Date(Date.now() - 30 * 86400_000).toISOString() });
      await fileAppeal({ actor: officer, input: fileAppealSchema.parse({ violationId: v.id, ...f }) });
    }
    const queue = await listAppeals({
      actor: await actorFor("zy-legal"),
      input: listAppealsSchema.parse({ limit: 100 }),
    });
    const reasons = queue.items.map((a) => a.reason).filter((r) => ["late", "fresh", "middle"].includes(r));
    expect(reasons).toEqual(["late", "middle", "fresh"]);
    expect(isOverdue(queue.items.find((a) => a.reason === "late")!)).toBe(true);
  });
});
