import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { ROLES, permissionsOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, dayValue, localDate } from "@/lib/time";
import { COMPLAINT_DUE_DAYS } from "./catalogue";
import type { EvaluationInput } from "./schemas";

const evaluationSelect = {
  id: true,
  transactionId: true,
  rating: true,
  comment: true,
  evaluatedAt: true,
  complaint: { select: { id: true, dueDate: true, ownerId: true } },
} as const;

/**
 * Who owns a complaint opened in a brigade: a person there who supervises the window,
 * commanders before administrators, the brigade's own people before its squads'. Null
 * when the brigade has nobody (the complaint is then listed as unassigned).
 */
export async function complaintOwner(q: Tx, brigadeId: string): Promise<string | null> {
  const brigade = await q.unit.findUnique({ where: { id: brigadeId }, select: { path: true } });
  if (!brigade) return null;
  const roles = ROLES.filter((r) => permissionsOf(r).includes("window.supervise"));
  const people = await q.user.findMany({
    where: { active: true, role: { in: roles }, unit: { path: underPath(brigade.path) } },
    select: { id: true, role: true, unit: { select: { depth: true } }, createdAt: true },
  });
  people.sort(
    (a, b) =>
      Number(a.role === "ADMIN") - Number(b.role === "ADMIN") ||
      a.unit.depth - b.unit.depth ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return people[0]?.id ?? null;
}

/** A rating's stored columns (bulk writers: the import, the demo data). */
export const EVALUATION_COLUMNS = [
  "id",
  "transaction_id",
  "unit_id",
  "unit_path",
  "brigade_id",
  "clerk_id",
  "business_key",
  "rating",
  "comment",
  "evaluated_at",
];

/**
 * The columns of a complaint a dissatisfied rating opens, written by the bulk writers (the
 * import; the demo data adds its fixed id and a closed complaint's outcome).
 */
export const COMPLAINT_COLUMNS = [
  "unit_id",
  "unit_path",
  "brigade_id",
  "transaction_id",
  "evaluation_id",
  "clerk_id",
  "source",
  "summary",
  "owner_id",
  "due_date",
  "opened_at",
];

/** The day a complaint opened at `at` is due: COMPLAINT_DUE_DAYS local (Asia/Shanghai) days later. */
export const complaintDueDate = (at: Date) => dayValue(addDays(localDate(at), COMPLAINT_DUE_DAYS));

/**
 * Minutes after completion during which the serving clerk's screen may record the
 * citizen's rating at the counter (WINDOW_RATING_AT_COUNTER_MINUTES, default 5).
 */
const atCounterMs = () => (Number(process.env.WINDOW_RATING_AT_COUNTER_MINUTES) || 5) * 60_000;

/**
 * Records the citizen's rating of a transaction (once). A dissatisfied rating opens a
 * complaint in the same transaction, owned and due in COMPLAINT_DUE_DAYS days. Sending
 * the same rating again answers with the first (created = false); a different one is 409.
 * The clerk who served it does not rate it: their screen takes the citizen's keys at the
 * counter right after completion (the rating dialog), and later only someone else (a
 * supervisor's call-back) or a rating pad (API token) may record it (403 otherwise).
 */
export async function evaluateTransaction({ actor, id, input }: { actor: Actor; id: string; input: EvaluationInput }) {
  assertCan(actor, "window.serve");
  const t = await db.windowTransaction.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    select: {
      id: true,
      unitId: true,
      unitPath: true,
      brigadeId: true,
      clerkId: true,
      businessKey: true,
      completedAt: true,
    },
  });
  if (!t) throw new AppError("NOT_FOUND", "transaction not found");
  if (actor.userId && actor.userId === t.clerkId && Date.now() - t.completedAt.getTime() > atCounterMs())
    throw new AppError("FORBIDDEN", "window.e.ownRating");

  const replayOrConflict = async () => {
    const prior = await db.windowEvaluation.findUnique({ where: { transactionId: id }, select: evaluationSelect });
    if (!prior) return null;
    if (prior.rating !== input.rating || (prior.comment ?? undefined) !== input.comment) {
      throw new AppError("CONFLICT", "window.e.alreadyEvaluated", { details: { rating: prior.rating } });
    }
    return { evaluation: prior, created: false };
  };
  const existing = await replayOrConflict();
  if (existing) return existing;

  try {
    const evaluation = await db.$transaction(async (tx) => {
      const now = new Date();
      const ev = await tx.windowEvaluation.create({
        data: {
          transactionId: t.id,
          unitId: t.unitId,
          unitPath: t.unitPath,
          brigadeId: t.brigadeId,
          clerkId: t.clerkId,
          // Who recorded it (null for a rating pad's token): the database refuses the serving
          // clerk after the counter moment too (trigger window_evaluations_not_by_serving_clerk).
          evaluatedById: actor.userId,
          businessKey: t.businessKey,
          rating: input.rating,
          comment: input.comment ?? null,
          evaluatedAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, actor, {
        action: "window.evaluation.create",
        entity: "window_transaction",
        entityId: t.id,
        after: { rating: input.rating, comment: input.comment },
        unitId: t.unitId,
        unitPath: t.unitPath,
      });
      if (input.rating === "dissatisfied") {
        const c = await tx.windowComplaint.create({
          data: {
            unitId: t.unitId,
            unitPath: t.unitPath,
            brigadeId: t.brigadeId,
            transactionId: t.id,
            evaluationId: ev.id,
            clerkId: t.clerkId,
            source: "evaluation",
            summary: input.comment ?? null,
            ownerId: await complaintOwner(tx, t.brigadeId),
            dueDate: complaintDueDate(now),
            openedAt: now,
          },
          select: { id: true, ownerId: true, dueDate: true },
        });
        await writeAudit(tx, actor, {
          action: "window.complaint.open",
          entity: "window_complaint",
          entityId: c.id,
          after: { ...c, transactionId: t.id, source: "evaluation" },
          unitId: t.unitId,
          unitPath: t.unitPath,
        });
      }
      return tx.windowEvaluation.findUniqueOrThrow({ where: { id: ev.id }, select: evaluationSelect });
    });
    return { evaluation, created: true };
  } catch (err) {
    // Two ratings of one transaction at the same moment: the second is a replay or a conflict.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const again = await replayOrConflict();
      if (again) return again;
    }
    throw err;
  }
}
