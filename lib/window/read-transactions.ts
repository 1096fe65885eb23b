import "server-only";
import { db } from "@/lib/db";
import { assertCan, escapeLike, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskIdCard } from "@/lib/identity/id-card";
import { decodeCursor, toPage } from "@/lib/pagination";
import { addDays, localDate, localDayStart } from "@/lib/time";
import { scopePathFor } from "@/lib/units/read-units";
import type { ListTransactionsInput } from "./schemas";
import { transactionSelect } from "./transaction-dto";

const scoped = (actor: Actor): Prisma.WindowTransactionWhereInput => ({ unitPath: underPath(actor.unitPath) });

/** Transactions in scope, newest completion first, keyset-paginated. */
export async function listTransactions({ actor, input }: { actor: Actor; input: ListTransactionsInput }) {
  assertCan(actor, "window.view");
  const unitPath = await scopePathFor({ actor, unitCode: input.unitCode });
  const cursor = decodeCursor(input.cursor);
  const q = input.q?.trim();
  const where: Prisma.WindowTransactionWhereInput = {
    AND: [
      { unitPath: underPath(unitPath) },
      input.from ? { completedAt: { gte: localDayStart(input.from) } } : {},
      input.to ? { completedAt: { lt: localDayStart(addDays(input.to, 1)) } } : {},
      input.business ? { businessKey: input.business } : {},
      input.category ? { categoryKey: input.category } : {},
      input.channel ? { channel: input.channel } : {},
      input.result ? { result: input.result } : {},
      input.clerkId ? { clerkId: input.clerkId } : {},
      input.tripId ? { outreachTripId: input.tripId } : {},
      input.pointId ? { servicePointId: input.pointId } : {},
      input.difficult ? { difficult: true } : {},
      input.afterHours ? { afterHours: true } : {},
      // An exact ID number (people type it in full), a plate, or the start of a name.
      q
        ? {
            OR: [
              { applicantIdNumber: q.toUpperCase() },
              { plate: { contains: q.toUpperCase() } },
              { applicantName: { startsWith: escapeLike(q) } },
            ],
          }
        : {},
      cursor && typeof cursor.sortValue === "string"
        ? {
            OR: [
              { completedAt: { lt: new Date(cursor.sortValue) } },
              { completedAt: new Date(cursor.sortValue), id: { lt: cursor.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await db.windowTransaction.findMany({
    where,
    select: transactionSelect,
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => r.completedAt);
}

/** One transaction in scope with the names a detail page shows; null outside scope. */
export async function getTransaction({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "window.view");
  const t = await db.windowTransaction.findFirst({ where: { id, ...scoped(actor) }, select: transactionSelect });
  if (!t) return null;
  const [clerk, unit, trip, point, business, complaint] = await Promise.all([
    t.clerkId ? db.user.findUnique({ where: { id: t.clerkId }, select: { displayName: true, username: true } }) : null,
    db.unit.findUnique({ where: { id: t.unitId }, select: { code: true, nameZh: true, nameEn: true } }),
    t.outreachTripId
      ? db.outreachTrip.findUnique({
          where: { id: t.outreachTripId },
          select: { id: true, tripDate: true, township: true },
        })
      : null,
    t.servicePointId
      ? db.servicePoint.findUnique({ where: { id: t.servicePointId }, select: { id: true, name: true } })
      : null,
    db.windowBusiness.findUnique({ where: { key: t.businessKey }, select: { nameZh: true, nameEn: true } }),
    db.windowComplaint.findFirst({ where: { transactionId: t.id }, select: { id: true, status: true, dueDate: true } }),
  ]);
  return { ...t, clerk, unit, trip, point, business, complaint };
}

/** The full ID-card number, for people allowed to see it; every reveal is audited. */
export async function revealApplicant({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "idcard.reveal");
  return db.$transaction(async (tx) => {
    const t = await tx.windowTransaction.findFirst({
      where: { id, ...scoped(actor) },
      select: {
        id: true,
        unitId: true,
        unitPath: true,
        applicantName: true,
        applicantIdNumber: true,
        plate: true,
        licenceNumber: true,
      },
    });
    if (!t) throw new AppError("NOT_FOUND", "transaction not found");
    await writeAudit(tx, actor, {
      action: "window.transaction.reveal_id",
      entity: "window_transaction",
      entityId: t.id,
      unitId: t.unitId,
      unitPath: t.unitPath,
    });
    return {
      applicantName: t.applicantName,
      applicantIdNumber: t.applicantIdNumber,
      plate: t.plate,
      licenceNumber: t.licenceNumber,
    };
  });
}

/**
 * Recent applicants (last 90 days, in scope), one line per person, newest first, for the
 * clerk screen's search. ID numbers are masked; picking one goes through revealApplicant.
 */
export async function recentApplicants({ actor, q }: { actor: Actor; q?: string }) {
  assertCan(actor, "window.serve");
  const since = localDayStart(addDays(localDate(new Date()), -90));
  const term = q?.trim();
  const rows = await db.windowTransaction.findMany({
    where: {
      ...scoped(actor),
      completedAt: { gte: since },
      ...(term
        ? {
            OR: [
              { applicantName: { startsWith: escapeLike(term) } },
              { plate: { contains: term.toUpperCase() } },
              { applicantIdNumber: { endsWith: term.toUpperCase() } },
            ],
          }
        : {}),
    },
    select: {
      id: true,
      applicantName: true,
      applicantIdNumber: true,
      plate: true,
      businessKey: true,
      completedAt: true,
    },
    orderBy: { completedAt: "desc" },
    take: 200,
  });
  const seen = new Set<string>();
  const out = [];
  for (const r of rows) {
    if (seen.has(r.applicantIdNumber)) continue;
    seen.add(r.applicantIdNumber);
    out.push({
      transactionId: r.id,
      applicantName: r.applicantName,
      applicantIdMasked: maskIdCard(r.applicantIdNumber),
      plate: r.plate,
      businessKey: r.businessKey,
      completedAt: r.completedAt,
    });
    if (out.length >= 12) break;
  }
  return out;
}

/** The applicant brought what was missing: the follow-up is closed. */
export async function markFollowUpDone({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "window.serve");
  return db.$transaction(async (tx) => {
    const t = await tx.windowTransaction.findFirst({
      where: { id, ...scoped(actor) },
      select: { id: true, unitId: true, unitPath: true, followUpDue: true, followUpDoneAt: true },
    });
    if (!t) throw new AppError("NOT_FOUND", "transaction not found");
    if (!t.followUpDue) throw new AppError("CONFLICT", "window.e.noFollowUp");
    if (t.followUpDoneAt) return t;
    const done = await tx.windowTransaction.update({
      where: { id },
      data: { followUpDoneAt: new Date() },
      select: { id: true, unitId: true, unitPath: true, followUpDue: true, followUpDoneAt: true },
    });
    await writeAudit(tx, actor, {
      action: "window.transaction.follow_up_done",
      entity: "window_transaction",
      entityId: id,
      after: { followUpDoneAt: done.followUpDoneAt },
      unitId: t.unitId,
      unitPath: t.unitPath,
    });
    return done;
  });
}

/** A difficult case (疑难) solved after the transaction was recorded: what was done. */
export async function resolveDifficult({ actor, id, resolution }: { actor: Actor; id: string; resolution: string }) {
  assertCan(actor, "window.serve");
  return db.$transaction(async (tx) => {
    const t = await tx.windowTransaction.findFirst({
      where: { id, ...scoped(actor) },
      select: {
        id: true,
        unitId: true,
        unitPath: true,
        difficult: true,
        difficultResolved: true,
        difficultResolution: true,
      },
    });
    if (!t) throw new AppError("NOT_FOUND", "transaction not found");
    if (!t.difficult)
      throw new AppError("INVALID", "window.v.resolutionNotDifficult", {
        fields: [{ path: "resolution", message: "window.v.resolutionNotDifficult" }],
      });
    const after = await tx.windowTransaction.update({
      where: { id },
      data: { difficultResolved: true, difficultResolution: resolution },
      select: { id: true, difficultResolved: true, difficultResolution: true },
    });
    await writeAudit(tx, actor, {
      action: "window.transaction.resolve_difficult",
      entity: "window_transaction",
      entityId: id,
      before: { difficultResolved: t.difficultResolved, difficultResolution: t.difficultResolution },
      after,
      unitId: t.unitId,
      unitPath: t.unitPath,
    });
    return after;
  });
}
