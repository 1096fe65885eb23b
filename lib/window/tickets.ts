import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor, pathLike } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { dayValue, localDate } from "@/lib/time";
import { ticketNumber } from "./catalogue";
import { notifyBoard } from "./board";
import { counterOf, defaultHall, hallInScope, type HallRow } from "./places";
import type { CallNextInput, CallTicketInput, IssueTicketInput } from "./schemas";

export const ticketSelect = {
  id: true,
  hallId: true,
  unitPath: true,
  businessKey: true,
  letter: true,
  seq: true,
  number: true,
  serviceDay: true,
  status: true,
  appointment: true,
  urgent: true,
  issuedAt: true,
  calledAt: true,
  startedAt: true,
  completedAt: true,
  noShowAt: true,
  callCount: true,
  counterId: true,
} as const;

async function activeBusiness(key: string, field: string) {
  const b = await db.windowBusiness.findUnique({
    where: { key },
    select: { key: true, ticketLetter: true, active: true },
  });
  if (!b || !b.active)
    throw new AppError("INVALID", "window.v.business", { fields: [{ path: field, message: "window.v.business" }] });
  return b;
}

/**
 * Issues the next number for the business's letter in the hall today (Asia/Shanghai).
 * The per-(hall, day, letter) sequence row is incremented with INSERT … ON CONFLICT DO
 * UPDATE … RETURNING in this transaction: concurrent issues queue on that row lock, so
 * every ticket gets its own number, in order.
 */
export async function issueTicket({ actor, input }: { actor: Actor; input: IssueTicketInput }) {
  assertCan(actor, "window.serve");
  const hall = input.hall ? await hallInScope({ actor, ref: input.hall }) : await defaultHall({ actor });
  const business = await activeBusiness(input.category, "category");
  const now = new Date();
  const day = localDate(now);
  return db.$transaction(async (tx) => {
    const [{ last_seq: seq }] = await tx.$queryRaw<{ last_seq: number }[]>`
      INSERT INTO window_ticket_sequences (hall_id, service_day, letter, last_seq)
      VALUES (${hall.id}::uuid, ${day}::date, ${business.ticketLetter}, 1)
      ON CONFLICT (hall_id, service_day, letter) DO UPDATE SET last_seq = window_ticket_sequences.last_seq + 1
      RETURNING last_seq`;
    const ticket = await tx.windowTicket.create({
      data: {
        unitId: hall.unitId,
        unitPath: hall.unitPath,
        brigadeId: hall.brigadeId,
        hallId: hall.id,
        businessKey: business.key,
        letter: business.ticketLetter,
        seq,
        number: ticketNumber(business.ticketLetter, seq),
        serviceDay: dayValue(day),
        appointment: input.appointment,
        urgent: input.urgent,
        issuedAt: now,
        issuedById: actor.userId,
      },
      select: ticketSelect,
    });
    await writeAudit(tx, actor, {
      action: "window.ticket.issue",
      entity: "window_ticket",
      entityId: ticket.id,
      after: {
        number: ticket.number,
        hall: hall.code,
        business: business.key,
        appointment: input.appointment,
        urgent: input.urgent,
      },
      unitId: hall.unitId,
      unitPath: hall.unitPath,
    });
    await notifyBoard(tx, hall, null);
    // People ahead: everyone waiting in the hall who was issued earlier (every window calls every letter by default).
    const ahead = await tx.windowTicket.count({
      where: {
        hallId: hall.id,
        serviceDay: ticket.serviceDay,
        status: "waiting",
        id: { not: ticket.id },
        issuedAt: { lte: now },
      },
    });
    return { ...ticket, hallCode: hall.code, ahead };
  });
}

/** A window may hold one called ticket at a time: finish it (transaction) or mark it a no-show first. */
async function assertWindowFree(tx: Tx, counterId: string, day: string, exceptTicketId: string | null) {
  // Serialises calls to one window (a double press of "next" must not call two tickets).
  await tx.$queryRaw`SELECT 1 FROM window_counters WHERE id = ${counterId}::uuid FOR UPDATE`;
  const busy = await tx.windowTicket.findFirst({
    where: {
      counterId,
      serviceDay: dayValue(day),
      status: "called",
      ...(exceptTicketId ? { id: { not: exceptTicketId } } : {}),
    },
    select: { number: true },
  });
  if (busy) throw new AppError("CONFLICT", "window.e.windowBusy", { details: { number: busy.number } });
}

async function markCalled(
  tx: Tx,
  actor: Actor,
  hall: HallRow,
  ticket: { id: string; number: string; status: string; calledAt: Date | null },
  counter: { id: string; number: number },
) {
  const now = new Date();
  const updated = await tx.windowTicket.update({
    where: { id: ticket.id },
    data: {
      status: "called",
      // Wait time is issue → first call; a recall keeps the first call time.
      calledAt: ticket.calledAt ?? now,
      callCount: { increment: 1 },
      counterId: counter.id,
      calledById: actor.userId,
      noShowAt: null,
    },
    select: ticketSelect,
  });
  await writeAudit(tx, actor, {
    action: ticket.status === "waiting" ? "window.ticket.call" : "window.ticket.recall",
    entity: "window_ticket",
    entityId: ticket.id,
    before: { status: ticket.status },
    after: { status: "called", window: counter.number },
    unitId: hall.unitId,
    unitPath: hall.unitPath,
  });
  await notifyBoard(tx, hall, { number: ticket.number, window: counter.number, at: now });
  return { ...updated, window: counter.number, hallCode: hall.code };
}

/** Locks a ticket in scope for an update; 404 outside scope. */
async function lockTicket(tx: Tx, actor: Actor, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM window_tickets WHERE id = ${id}::uuid AND unit_path LIKE ${pathLike(actor.unitPath)} FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "ticket not found");
  return tx.windowTicket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
}

/** Calls (or recalls) one ticket to a window. */
export async function callTicket({ actor, id, input }: { actor: Actor; id: string; input: CallTicketInput }) {
  assertCan(actor, "window.serve");
  return db.$transaction(async (tx) => {
    const ticket = await lockTicket(tx, actor, id);
    const hall = await hallInScope({ actor, ref: ticket.hallId });
    if (input.hall && input.hall !== hall.code && input.hall !== hall.id)
      throw new AppError("INVALID", "window.v.ticketOtherHall", {
        fields: [{ path: "hall", message: "window.v.ticketOtherHall" }],
      });
    const counter = counterOf(hall, input.window);
    if (ticket.status === "done")
      throw new AppError("CONFLICT", "window.e.ticketDone", { details: { number: ticket.number } });
    await assertWindowFree(tx, counter.id, localDate(new Date()), ticket.id);
    return markCalled(tx, actor, hall, ticket, counter);
  });
}

/**
 * Calls the next waiting ticket to a window: urgent first, then appointments, then in
 * order of issue, among the letters the window serves. SKIP LOCKED lets two windows
 * press "next" at the same moment and get different tickets. Null when nobody waits.
 */
export async function callNext({ actor, input }: { actor: Actor; input: CallNextInput }) {
  assertCan(actor, "window.serve");
  const hall = await hallInScope({ actor, ref: input.hall });
  const counter = counterOf(hall, input.window);
  const day = localDate(new Date());
  return db.$transaction(async (tx) => {
    await assertWindowFree(tx, counter.id, day, null);
    const letters = counter.letters;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM window_tickets
       WHERE hall_id = ${hall.id}::uuid AND service_day = ${day}::date AND status = 'waiting'
         AND (cardinality(${letters}::text[]) = 0 OR letter = ANY(${letters}::text[]))
       ORDER BY urgent DESC, appointment DESC, issued_at, seq
       LIMIT 1
       FOR UPDATE SKIP LOCKED`;
    if (!rows.length) return null;
    const ticket = await tx.windowTicket.findUniqueOrThrow({ where: { id: rows[0].id }, select: ticketSelect });
    return markCalled(tx, actor, hall, ticket, counter);
  });
}

/** 过号: the called citizen did not come. The ticket can be called again later. */
export async function markNoShow({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "window.serve");
  return db.$transaction(async (tx) => {
    const ticket = await lockTicket(tx, actor, id);
    if (ticket.status !== "called")
      throw new AppError("CONFLICT", "window.e.notCalled", { details: { number: ticket.number } });
    const hall = await hallInScope({ actor, ref: ticket.hallId });
    const updated = await tx.windowTicket.update({
      where: { id },
      data: { status: "no_show", noShowAt: new Date() },
      select: ticketSelect,
    });
    await writeAudit(tx, actor, {
      action: "window.ticket.no_show",
      entity: "window_ticket",
      entityId: id,
      before: { status: "called" },
      after: { status: "no_show" },
      unitId: hall.unitId,
      unitPath: hall.unitPath,
    });
    const window = hall.counters.find((c) => c.id === ticket.counterId)?.number;
    await notifyBoard(tx, hall, null, window ? { number: ticket.number, window } : null);
    return updated;
  });
}

/** The clerk screen's queue: the ticket at this window and who is waiting, today. */
export async function windowQueue({ actor, hallRef, window }: { actor: Actor; hallRef: string; window: number }) {
  assertCan(actor, "window.serve");
  const hall = await hallInScope({ actor, ref: hallRef });
  const counter = counterOf(hall, window);
  const day = dayValue(localDate(new Date()));
  const [current, waiting, noShows] = await Promise.all([
    db.windowTicket.findFirst({
      where: { counterId: counter.id, serviceDay: day, status: "called" },
      select: ticketSelect,
    }),
    db.windowTicket.findMany({
      where: { hallId: hall.id, serviceDay: day, status: "waiting" },
      select: ticketSelect,
      orderBy: [{ urgent: "desc" }, { appointment: "desc" }, { issuedAt: "asc" }, { seq: "asc" }],
      take: 200,
    }),
    db.windowTicket.findMany({
      where: { hallId: hall.id, serviceDay: day, status: "no_show" },
      select: ticketSelect,
      orderBy: { noShowAt: "desc" },
      take: 20,
    }),
  ]);
  return {
    hall: { id: hall.id, code: hall.code, nameZh: hall.nameZh, nameEn: hall.nameEn },
    window: counter.number,
    letters: counter.letters,
    current,
    waiting,
    noShows,
  };
}
