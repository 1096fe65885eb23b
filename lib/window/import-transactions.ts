import "server-only";
import type { PoolClient } from "pg";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { columnList } from "@/lib/import/copy";
import type { ImportReport } from "@/lib/import/run-import";
import { importRecords, rowIssues, stageRows, uuid7, type ImportedRow, type ImportSource } from "@/lib/records/kernel";
import { zPastInstant } from "@/lib/validation";
import { RATINGS } from "./catalogue";
import { transactionContentHash } from "./create-transaction";
import { COMPLAINT_COLUMNS, complaintDueDate, complaintOwner, EVALUATION_COLUMNS } from "./evaluate-transaction";
import { checkTransaction, transactionFields } from "./schemas";
import { bulkRefs, resolveTransaction, transactionData, type ResolvedTransaction } from "./transaction-rules";

/**
 * A row of a transactions file: the JSON fields of POST /api/v1/window/transactions
 * (ticketId aside: queue tickets are live objects) plus the clerk's username and the
 * citizen's rating, for history brought over from another system.
 */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
export const importRowSchema = transactionFields
  .omit({ ticketId: true, keepTicketOpen: true })
  .extend({
    clerk: z.preprocess(blank, z.string().trim().toLowerCase().max(32).optional()),
    rating: z.preprocess(blank, z.enum(RATINGS, { message: "window.v.rating" }).optional()),
    ratingComment: z.preprocess(blank, z.string().trim().max(500, "validation.tooLong").optional()),
    evaluatedAt: z.preprocess(blank, zPastInstant.optional()),
  })
  .superRefine((v, ctx) => {
    checkTransaction({ ...v, ticketId: undefined, keepTicketOpen: false }, ctx);
    // History: a file says when each transaction was completed (the API defaults to now).
    if (!v.completedAt) ctx.addIssue({ code: "custom", path: ["completedAt"], message: "validation.required" });
  });
type ImportRow = z.infer<typeof importRowSchema>;
type Row = ImportedRow<ImportRow, ResolvedTransaction & { clerkId: string | null }>;

/**
 * Imports window transactions from CSV (header row = field names) or NDJSON through the
 * kernel's import: each row passes the same schema and rules as the API's
 * (resolveTransaction, with references from maps loaded once), is stored as the same row
 * (transactionData), and re-imports create nothing (externalRef, or "auto-" + content hash).
 * A rating creates the evaluation, and a dissatisfied one its complaint.
 */
export async function importTransactions({ actor, ...source }: { actor: Actor } & ImportSource): Promise<ImportReport> {
  assertCan(actor, "window.import");
  const [refs, users] = await Promise.all([
    bulkRefs(actor),
    db.user.findMany({
      where: { unit: { path: underPath(actor.unitPath) } },
      select: { id: true, username: true },
    }),
  ]);
  const userBy = new Map(users.map((u) => [u.username, u.id]));
  const owners = new Map<string, Promise<string | null>>();
  const ownerOf = (brigadeId: string) => {
    if (!owners.has(brigadeId)) owners.set(brigadeId, complaintOwner(db, brigadeId));
    return owners.get(brigadeId)!;
  };

  return importRecords(
    {
      actor,
      entity: "window_transaction",
      action: "window.transaction.import",
      validate: (record) => {
        const parsed = importRowSchema.safeParse(record);
        if (!parsed.success) return { ok: false, errors: rowIssues(parsed.error) };
        if (parsed.data.clerk && !userBy.has(parsed.data.clerk))
          return { ok: false, errors: [{ field: "clerk", message: "window.v.clerkNotFound" }] };
        return { ok: true, value: parsed.data };
      },
      contentHash: transactionContentHash,
      prepare: async (input) => {
        const { clerk, rating: _r, ratingComment: _c, evaluatedAt: _e, ...fields } = input;
        const r = await resolveTransaction(refs, fields);
        return { value: { ...r, clerkId: clerk ? userBy.get(clerk)! : null }, place: r.place };
      },
      table: "window_transactions",
      row: ({ input, value }) =>
        transactionData({ input, r: value, clerkId: value.clerkId, recordedByTokenId: actor.tokenId }),
      afterInsert: (client, rows) => writeEvaluations(client, rows, ownerOf),
    },
    source,
  );
}

/** Ratings of the transactions a batch inserted, and the complaints dissatisfied ones open. */
async function writeEvaluations(
  client: PoolClient,
  rows: Row[],
  ownerOf: (brigadeId: string) => Promise<string | null>,
) {
  const rated = rows.filter((r) => r.input.rating);
  if (!rated.length) return;
  const evaluations = rated.map((r) => ({ r, id: uuid7(), at: r.input.evaluatedAt ?? r.value.completedAt }));
  const evStage = await stageRows(
    client,
    "window_evaluations",
    EVALUATION_COLUMNS,
    evaluations.map(({ r, id, at }) => [
      id,
      r.id,
      r.place.unitId,
      r.place.unitPath,
      r.place.brigadeId,
      r.value.clerkId,
      r.value.business.key,
      r.input.rating,
      r.input.ratingComment,
      at,
    ]),
  );
  await client.query(
    `INSERT INTO window_evaluations (${columnList(EVALUATION_COLUMNS)})
     SELECT ${EVALUATION_COLUMNS.map((c) => `s."${c}"`).join(", ")} FROM "${evStage}" s JOIN window_transactions t ON t.id = s.transaction_id`,
  );
  const complaints = evaluations.filter(({ r }) => r.input.rating === "dissatisfied");
  if (!complaints.length) return;
  const cStage = await stageRows(
    client,
    "window_complaints",
    COMPLAINT_COLUMNS,
    await Promise.all(
      complaints.map(async ({ r, id, at }) => [
        r.place.unitId,
        r.place.unitPath,
        r.place.brigadeId,
        r.id,
        id,
        r.value.clerkId,
        "evaluation",
        r.input.ratingComment,
        await ownerOf(r.place.brigadeId),
        complaintDueDate(at),
        at,
      ]),
    ),
  );
  await client.query(
    `INSERT INTO window_complaints (${columnList(COMPLAINT_COLUMNS)})
     SELECT ${COMPLAINT_COLUMNS.map((c) => `s."${c}"`).join(", ")} FROM "${cStage}" s JOIN window_evaluations e ON e.id = s.evaluation_id`,
  );
}
