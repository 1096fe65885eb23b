import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fingerprint, runIdempotent } from "@/lib/idempotency/run-idempotent";
import { dayValue, localDate } from "@/lib/time";
import { notifyBoard } from "./board";
import { counterOf, defaultHall, factUnitFor, factUnitOf, hallInScope, type FactUnit, type HallRow } from "./places";
import type { CreateTransactionInput } from "./schemas";
import { ticketSelect } from "./tickets";
import { transactionAudit, transactionScalarSelect, transactionSelect, type TransactionRow } from "./transaction-dto";

const invalid = (path: string, message: string) => new AppError("INVALID", message, { fields: [{ path, message }] });

/** Content of a submission for externalRef replays: the input as given, minus delivery options. */
export function transactionContentHash(input: Record<string, unknown>): string {
  const { keepTicketOpen: _k, ...content } = input;
  return fingerprint(content);
}

/** Everything the insert needs that comes from other records, resolved in the actor's scope. */
async function resolvePlace(actor: Actor, input: CreateTransactionInput) {
  const business = await db.windowBusiness.findUnique({
    where: { key: input.business },
    select: { key: true, categoryKey: true, feeYuan: true, active: true },
  });
  if (!business || !business.active) throw invalid("business", "window.v.business");

  const ticket = input.ticketId
    ? await db.windowTicket.findFirst({
        where: { id: input.ticketId, unitPath: underPath(actor.unitPath) },
        select: ticketSelect,
      })
    : null;
  if (input.ticketId && !ticket) throw invalid("ticketId", "window.v.ticketNotFound");

  let hall: HallRow | null = null;
  if (ticket) {
    hall = await hallInScope(actor, ticket.hallId, "ticketId");
    if (input.hall && input.hall !== hall.code && input.hall !== hall.id)
      throw invalid("hall", "window.v.ticketOtherHall");
  } else if (input.hall) hall = await hallInScope(actor, input.hall);
  else if (input.channel === "hall") hall = await defaultHall(actor);
  const counter = hall && input.window ? counterOf(hall, input.window) : null;
  if (input.window && !hall) throw invalid("window", "window.v.windowNotFound");

  const trip = input.outreachTripId
    ? await db.outreachTrip.findFirst({
        where: { id: input.outreachTripId, unitPath: underPath(actor.unitPath) },
        select: { id: true, unitId: true, unitPath: true, brigadeId: true },
      })
    : null;
  if (input.outreachTripId && !trip) throw invalid("outreachTripId", "window.v.tripNotFound");
  const point = input.servicePointId
    ? await db.servicePoint.findFirst({
        where: { id: input.servicePointId, unitPath: underPath(actor.unitPath) },
        select: { id: true, unitId: true, unitPath: true, brigadeId: true },
      })
    : null;
  if (input.servicePointId && !point) throw invalid("servicePointId", "window.v.pointNotFound");

  // The record belongs where the work was done.
  const place = trip ?? point ?? hall;
  const unit: FactUnit = place ? factUnitOf(place) : await factUnitFor(actor, input.unitCode);
  return { business, ticket, hall, counter, trip, point, unit };
}

/**
 * Records a window transaction. At most once per Idempotency-Key (same key, same body →
 * the first result; different body → 409) and per externalRef within the unit (same
 * content → the existing record; different → 409). Completes the ticket unless another
 * business follows on it. Returns the record and whether this call created it.
 */
export async function createTransaction({
  actor,
  input,
  idempotencyKey = null,
}: {
  actor: Actor;
  input: CreateTransactionInput;
  idempotencyKey?: string | null;
}): Promise<{ record: TransactionRow; created: boolean }> {
  assertCan(actor, "window.serve");
  const p = await resolvePlace(actor, input);
  const completedAt = input.completedAt ?? new Date();
  let startedAt = input.startedAt ?? p.ticket?.calledAt ?? completedAt;
  // A browser clock slightly ahead of ours must not make service time negative.
  if (!input.startedAt && startedAt > completedAt) startedAt = completedAt;
  if (startedAt > completedAt) throw invalid("completedAt", "window.v.completedBeforeStart");
  const feeYuan = input.feeYuan ?? p.business.feeYuan;
  const payment = input.payment ?? (feeYuan > 0 ? null : "none");
  if (!payment || (feeYuan > 0 && payment === "none")) throw invalid("payment", "window.v.paymentRequired");
  if (input.followUpDue && input.followUpDue < localDate(completedAt))
    throw invalid("followUpDue", "window.v.followUpPast");
  const contentHash = transactionContentHash(input);
  const { keepTicketOpen: _k, ...bodyForKey } = input;

  const attempt = () =>
    db.$transaction(async (tx) => {
      let externalReplay = false;
      const out = await runIdempotent(
        tx,
        { actor, key: idempotencyKey, entity: "window_transaction", fingerprint: fingerprint(bodyForKey) },
        async () => {
          if (input.externalRef) {
            const prior = await tx.windowTransaction.findUnique({
              where: { unitId_externalRef: { unitId: p.unit.unitId, externalRef: input.externalRef } },
              select: transactionSelect,
            });
            if (prior) {
              if (prior.contentHash !== contentHash)
                throw new AppError("CONFLICT", "window.e.externalRefConflict", {
                  details: { externalRef: input.externalRef, id: prior.id },
                });
              externalReplay = true;
              return prior;
            }
          }
          return insert(tx, actor, input, p, { startedAt, completedAt, feeYuan, payment, contentHash });
        },
        (id) => tx.windowTransaction.findUnique({ where: { id }, select: transactionSelect }),
      );
      return { record: out.record, created: !out.replayed && !externalReplay };
    });

  try {
    return await attempt();
  } catch (err) {
    // Two first submissions of one externalRef at the same instant: the loser replays.
    if (input.externalRef && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      return attempt();
    throw err;
  }
}

async function insert(
  tx: Tx,
  actor: Actor,
  input: CreateTransactionInput,
  p: Awaited<ReturnType<typeof resolvePlace>>,
  v: { startedAt: Date; completedAt: Date; feeYuan: number; payment: string; contentHash: string },
) {
  let counterId = p.counter?.id ?? null;
  if (p.ticket) {
    // Lock the ticket: a second submission racing this one sees it done.
    const [t] = await tx.$queryRaw<{ status: string; counter_id: string | null; called_at: Date | null }[]>`
      SELECT status, counter_id, called_at FROM window_tickets WHERE id = ${p.ticket.id}::uuid FOR UPDATE`;
    if (t.status === "done")
      throw new AppError("CONFLICT", "window.e.ticketDone", { details: { number: p.ticket.number } });
    counterId ??= t.counter_id;
  }
  const row = await tx.windowTransaction.create({
    data: {
      ...p.unit,
      hallId: p.hall?.id ?? null,
      counterId,
      ticketId: p.ticket?.id ?? null,
      businessKey: p.business.key,
      categoryKey: p.business.categoryKey,
      channel: input.channel,
      clerkId: actor.userId,
      recordedByTokenId: actor.tokenId,
      applicantName: input.applicantName,
      applicantIdNumber: input.applicantIdNumber,
      plate: input.plate ?? null,
      licenceNumber: input.licenceNumber ?? null,
      feeYuan: v.feeYuan,
      payment: v.payment,
      startedAt: v.startedAt,
      completedAt: v.completedAt,
      result: input.result,
      missingDocuments: input.missingDocuments ?? null,
      tolerated: input.tolerated,
      followUpDue: input.followUpDue ? dayValue(input.followUpDue) : null,
      refusalReason: input.refusalReason ?? null,
      difficult: input.difficult,
      difficultResolved: input.difficult && !!input.difficultResolution && input.result === "done",
      difficultResolution: input.difficultResolution ?? null,
      outreachTripId: p.trip?.id ?? null,
      servicePointId: p.point?.id ?? null,
      externalRef: input.externalRef ?? null,
      contentHash: v.contentHash,
    },
    select: transactionScalarSelect,
  });
  // The related names are known already: no re-read inside the transaction.
  const counterNumber = counterId ? p.hall?.counters.find((c) => c.id === counterId)?.number : undefined;
  const record: TransactionRow = {
    ...row,
    hall: p.hall ? { code: p.hall.code, nameZh: p.hall.nameZh, nameEn: p.hall.nameEn } : null,
    counter: counterNumber ? { number: counterNumber } : null,
    ticket: p.ticket ? { number: p.ticket.number } : null,
    evaluation: null,
  };
  await writeAudit(tx, actor, {
    action: "window.transaction.create",
    entity: "window_transaction",
    entityId: record.id,
    after: transactionAudit(record),
    unitId: record.unitId,
    unitPath: record.unitPath,
  });
  if (p.ticket) {
    const done = !input.keepTicketOpen;
    await tx.windowTicket.update({
      where: { id: p.ticket.id },
      data: {
        startedAt: p.ticket.startedAt ?? v.startedAt,
        calledAt: p.ticket.calledAt ?? v.startedAt,
        counterId,
        ...(done
          ? { status: "done", completedAt: v.completedAt }
          : p.ticket.status === "waiting"
            ? { status: "called" }
            : {}),
      },
    });
    if (done)
      await writeAudit(tx, actor, {
        action: "window.ticket.complete",
        entity: "window_ticket",
        entityId: p.ticket.id,
        after: { status: "done", transactionId: record.id },
        unitId: record.unitId,
        unitPath: record.unitPath,
      });
    if (p.hall) await notifyBoard(tx, p.hall, null);
  }
  return record;
}
