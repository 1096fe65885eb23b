import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { fingerprint } from "@/lib/idempotency/run-idempotent";
import { createOnce, type DirectInsert } from "@/lib/records/kernel";
import { notifyBoard } from "./board";
import { hallInScope } from "./places";
import type { CreateTransactionInput } from "./schemas";
import { ticketSelect } from "./tickets";
import { requestRefs, resolveTransaction, transactionData, type ResolvedTransaction } from "./transaction-rules";
import {
  transactionAudit,
  transactionScalarSelect,
  transactionSelect,
  type TransactionRow,
  type TransactionScalars,
} from "./transaction-dto";

const invalid = (path: string, message: string) => new AppError("INVALID", message, { fields: [{ path, message }] });

/** Content of a submission for externalRef replays: the input as given, minus delivery options. */
export function transactionContentHash(input: Record<string, unknown>): string {
  const { keepTicketOpen: _k, ...content } = input;
  return fingerprint(content);
}

type Ticket = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

const findTicket = (actor: Actor, id: string) =>
  db.windowTicket.findFirst({ where: { id, unitPath: underPath(actor.unitPath) }, select: ticketSelect });

/**
 * Records a window transaction through the kernel's createOnce: at most once per
 * Idempotency-Key (same key, same body → the first result; different body → 409) and per
 * externalRef within the unit (same content → the existing record; different → 409).
 * The rules are the import's (resolveTransaction); on top, the clerk screen's queue ticket:
 * in scope, its hall, and completed unless another business follows on it.
 * Returns the record and whether this call created it.
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
  let ticket: { row: Ticket; hall: Awaited<ReturnType<typeof hallInScope>> } | null = null;
  if (input.ticketId) {
    const row = await findTicket(actor, input.ticketId);
    if (!row) throw invalid("ticketId", "window.v.ticketNotFound");
    const hall = await hallInScope({ actor, ref: row.hallId, field: "ticketId" });
    if (input.hall && input.hall !== hall.code && input.hall !== hall.id)
      throw invalid("hall", "window.v.ticketOtherHall");
    ticket = { row, hall };
  }
  const { ticketId: _t, keepTicketOpen: _k, ...fields } = input;
  const r = await resolveTransaction(
    requestRefs({ actor, named: { business: fields.business, hall: ticket ? undefined : fields.hall } }),
    fields,
    ticket && { hall: ticket.hall, calledAt: ticket.row.calledAt },
  );
  const contentHash = transactionContentHash(input);

  const out = await createOnce<TransactionRow>({
    // Without a ticket there is nothing but the row and its audit entry: one statement.
    direct: ticket ? undefined : () => direct(actor, input, r, contentHash),
    actor,
    entity: "window_transaction",
    idempotencyKey,
    contentHash,
    insert: (tx, id) => insert(tx, id, actor, input, r, ticket?.row ?? null, contentHash),
    existing: (tx) =>
      input.externalRef
        ? tx.windowTransaction.findUnique({
            where: { unitId_externalRef: { unitId: r.place.unitId, externalRef: input.externalRef } },
            select: { id: true, contentHash: true },
          })
        : Promise.resolve(null),
    load: (tx, id) => tx.windowTransaction.findUnique({ where: { id }, select: transactionSelect }),
  });
  return { record: out.record, created: !out.replayed };
}

const CREATE_ACTION = "window.transaction.create";

/** A new transaction's related names, from what the rules resolved (no re-read). */
function relatedOf(r: ResolvedTransaction, counterId: string | null, ticket: { number: string } | null) {
  const counterNumber = counterId ? r.hall?.counters.find((c) => c.id === counterId)?.number : undefined;
  return {
    hall: r.hall ? { code: r.hall.code, nameZh: r.hall.nameZh, nameEn: r.hall.nameEn } : null,
    counter: counterNumber ? { number: counterNumber } : null,
    ticket: ticket ? { number: ticket.number } : null,
    evaluation: null,
  };
}

/** The create of a transaction without a ticket as one statement (createOnce's DirectInsert). */
function direct(
  actor: Actor,
  input: CreateTransactionInput,
  r: ResolvedTransaction,
  contentHash: string,
): DirectInsert<TransactionRow> {
  const row = {
    ...transactionData({ input, r, clerkId: actor.userId, recordedByTokenId: actor.tokenId }),
    externalRef: input.externalRef ?? null,
    contentHash,
    // Given, not the column's default: the audit entry's `after` holds it as JavaScript writes a time.
    createdAt: new Date(),
  };
  const related = relatedOf(r, r.counterId, null);
  // As stored, but for what the database sets (after_hours, by trigger): that comes from the row.
  const { afterHours: _a, ...after } = transactionAudit({
    ...row,
    ...related,
    id: "",
    followUpDoneAt: null,
    afterHours: false,
  });
  return {
    table: "window_transactions",
    row,
    returning: Object.keys(transactionScalarSelect),
    toRecord: (stored) => ({ ...(stored as unknown as TransactionScalars), ...related }),
    audit: { action: CREATE_ACTION, after, fromRow: ["id", "afterHours"] },
  };
}

/** Writes the row (null when its externalRef is stored: createOnce replays it), its audit row and the ticket's step. */
async function insert(
  tx: Tx,
  id: string,
  actor: Actor,
  input: CreateTransactionInput,
  r: ResolvedTransaction,
  ticket: Ticket | null,
  contentHash: string,
): Promise<TransactionRow | null> {
  let counterId = r.counterId;
  let ticketDone = false;
  if (ticket) {
    // Lock the ticket: a second submission racing this one sees it done.
    const [t] = await tx.$queryRaw<{ status: string; counter_id: string | null }[]>`
      SELECT status, counter_id FROM window_tickets WHERE id = ${ticket.id}::uuid FOR UPDATE`;
    ticketDone = t.status === "done";
    counterId ??= t.counter_id;
  }
  const [row] = await tx.windowTransaction.createManyAndReturn({
    skipDuplicates: true,
    data: [
      {
        id,
        ...transactionData({
          input,
          r,
          clerkId: actor.userId,
          recordedByTokenId: actor.tokenId,
          ticketId: ticket?.id ?? null,
          counterId,
        }),
        externalRef: input.externalRef ?? null,
        contentHash,
      },
    ],
    select: transactionScalarSelect,
  });
  if (!row) return null;
  if (ticketDone) throw new AppError("CONFLICT", "window.e.ticketDone", { details: { number: ticket!.number } });
  // The related names are known already: no re-read inside the transaction.
  const record: TransactionRow = { ...row, ...relatedOf(r, counterId, ticket) };
  const counterNumber = record.counter?.number;
  await writeAudit(tx, actor, {
    action: CREATE_ACTION,
    entity: "window_transaction",
    entityId: record.id,
    after: transactionAudit(record),
    unitId: record.unitId,
    unitPath: record.unitPath,
  });
  if (ticket) {
    const done = !input.keepTicketOpen;
    await tx.windowTicket.update({
      where: { id: ticket.id },
      data: {
        startedAt: ticket.startedAt ?? r.startedAt,
        calledAt: ticket.calledAt ?? r.startedAt,
        counterId,
        ...(done
          ? { status: "done", completedAt: r.completedAt }
          : ticket.status === "waiting"
            ? { status: "called" }
            : {}),
      },
    });
    if (done)
      await writeAudit(tx, actor, {
        action: "window.ticket.complete",
        entity: "window_ticket",
        entityId: ticket.id,
        after: { status: "done", transactionId: record.id },
        unitId: record.unitId,
        unitPath: record.unitPath,
      });
    if (r.hall)
      await notifyBoard(
        tx,
        r.hall,
        null,
        done && counterNumber ? { number: ticket.number, window: counterNumber } : null,
      );
  }
  return record;
}
