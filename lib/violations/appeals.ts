import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { lockInScope } from "@/lib/records/kernel";
import { decodeCursor, encodeCursor } from "@/lib/pagination";

import { appealDueAt, mayAppeal } from "./rules";
import type { DecideAppealInput, FileAppealInput, ListAppealsInput } from "./schemas";
import { scopePathFor } from "@/lib/units/read-units";

/**
 * Files an appeal (申辩) against a violation: due 15 days later, the violation becomes
 * "appealed" in the same transaction. One appeal per violation; filing the same reason
 * again is a replay (200), a different one a 409.
 */
export async function fileAppeal({ actor, input }: { actor: Actor; input: FileAppealInput }) {
  assertCan(actor, "appeal.file");
  return db.$transaction(async (tx) => {
    const v = await lockInScope({
      tx,
      actor,
      table: "violations",
      id: input.violationId,
      read: (where) => tx.violation.findFirst({ where, include: { appeal: true } }),
    });
    if (v.appeal) {
      if (v.appeal.reason === input.reason) return { appeal: v.appeal, replayed: true };
      throw new AppError("CONFLICT", "records.alreadyAppealed", { details: { appealId: v.appeal.id } });
    }
    if (!mayAppeal(v.status))
      throw new AppError("CONFLICT", "records.notAppealable", { details: { status: v.status } });
    const filedAt = input.filedAt ?? new Date();
    if (filedAt < v.occurredAt)
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "filedAt", message: "records.filedBeforeViolation" }],
      });
    const appeal = await tx.appeal.create({
      data: {
        violationId: v.id,
        unitId: v.unitId,
        unitPath: v.unitPath,
        brigadeId: v.brigadeId,
        reason: input.reason,
        appellant: input.appellant ?? null,
        channel: input.channel,
        filedAt,
        dueAt: appealDueAt(filedAt),
        filedById: actor.userId,
        filedByTokenId: actor.tokenId,
        priorStatus: v.status,
      },
    });
    await tx.violation.update({ where: { id: v.id }, data: { status: "appealed" } });
    await writeAudit(tx, actor, {
      action: "appeal.file",
      entity: "violation",
      entityId: v.id,
      before: { status: v.status },
      after: { status: "appealed", appealId: appeal.id, reason: appeal.reason, dueAt: appeal.dueAt },
      unitId: v.unitId,
      unitPath: v.unitPath,
    });
    return { appeal, replayed: false };
  });
}

/**
 * Decides a pending appeal: upheld (the violation stands) or revoked (withdrawn, with a
 * note). The violation takes the decision as its status in the same transaction. Nobody
 * decides an appeal they filed themselves (403).
 */
export async function decideAppeal({ actor, input }: { actor: Actor; input: DecideAppealInput }) {
  assertCan(actor, "appeal.decide");
  return db.$transaction(async (tx) => {
    const a = await lockInScope({
      tx,
      actor,
      table: "appeals",
      id: input.appealId,
      read: (where) => tx.appeal.findFirst({ where }),
    });
    if (a.filedById && a.filedById === actor.userId) throw new AppError("FORBIDDEN", "records.ownAppeal");
    if (a.status !== "pending") {
      if (a.status === input.decision && (a.decisionNote ?? undefined) === input.note) return a;
      throw new AppError("CONFLICT", "records.alreadyDecided", { details: { status: a.status } });
    }
    const decided = await tx.appeal.update({
      where: { id: a.id },
      data: {
        status: input.decision,
        decisionNote: input.note ?? null,
        decidedAt: new Date(),
        decidedById: actor.userId,
      },
    });
    await tx.violation.update({ where: { id: a.violationId }, data: { status: input.decision } });
    await writeAudit(tx, actor, {
      action: `appeal.${input.decision}`,
      entity: "violation",
      entityId: a.violationId,
      before: { status: "appealed" },
      after: { status: input.decision, appealId: a.id, note: input.note ?? null },
      unitId: a.unitId,
      unitPath: a.unitPath,
    });
    return decided;
  });
}

/**
 * The appeals queue: pending appeals by due date (overdue ones therefore first), then
 * decided ones, newest decision first. Keyset-paginated within each of the two parts.
 */
export async function listAppeals({ actor, input }: { actor: Actor; input: ListAppealsInput }) {
  if (!actor.permissions.has("appeal.decide") && !actor.permissions.has("violation.view"))
    assertCan(actor, "appeal.decide");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const pending = (input.status ?? "pending") === "pending";
  const cursor = decodeCursor(input.cursor);
  const include = {
    violation: {
      select: {
        id: true,
        plate: true,
        typeKey: true,
        occurredAt: true,
        unitId: true,
        fineYuan: true,
        points: true,
        type: { select: { nameZh: true, nameEn: true } },
      },
    },
  } as const;
  const rows = pending
    ? await db.appeal.findMany({
        where: {
          unitPath: underPath(path),
          status: "pending",
          ...(cursor
            ? {
                OR: [
                  { dueAt: { gt: new Date(cursor.sortValue) } },
                  { dueAt: new Date(cursor.sortValue), id: { gt: cursor.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: input.limit + 1,
        include,
      })
    : await db.appeal.findMany({
        where: {
          unitPath: underPath(path),
          status: input.status === "decided" || !input.status ? { in: ["upheld", "revoked"] } : input.status,
          ...(cursor
            ? {
                OR: [
                  { decidedAt: { lt: new Date(cursor.sortValue) } },
                  { decidedAt: new Date(cursor.sortValue), id: { lt: cursor.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
        take: input.limit + 1,
        include,
      });
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      more && last ? encodeCursor((pending ? last.dueAt : (last.decidedAt ?? last.filedAt)) as Date, last.id) : null,
  };
}

export async function countPendingAppeals(actor: Actor) {
  const now = new Date();
  const [pending, overdue] = await Promise.all([
    db.appeal.count({ where: { unitPath: underPath(actor.unitPath), status: "pending" } }),
    db.appeal.count({ where: { unitPath: underPath(actor.unitPath), status: "pending", dueAt: { lt: now } } }),
  ]);
  return { pending, overdue };
}
