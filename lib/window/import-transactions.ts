import "server-only";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { z } from "zod";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAuditPg } from "@/lib/audit/write-audit";
import { copyRows } from "@/lib/import/copy";
import { parseRows, type ImportFormat } from "@/lib/import/parse-rows";
import { runImport, type ImportError, type ImportReport, type RowCheck } from "@/lib/import/run-import";
import { brigadeOf } from "@/lib/units/brigade";
import { COMPLAINT_DUE_DAYS, RATINGS } from "./catalogue";
import { transactionContentHash } from "./create-transaction";
import { complaintOwner } from "./evaluate-transaction";
import { checkTransaction, transactionFields } from "./schemas";
import { zPastInstant } from "@/lib/validation";

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
  .superRefine((v, ctx) => checkTransaction({ ...v, ticketId: undefined, keepTicketOpen: false }, ctx));
type ImportRow = z.infer<typeof importRowSchema>;

interface Value {
  line: number;
  v: ImportRow;
  unitId: string;
  unitPath: string;
  brigadeId: string;
  hallId: string | null;
  counterId: string | null;
  clerkId: string | null;
  categoryKey: string;
  feeYuan: number;
  payment: string;
  startedAt: Date;
  completedAt: Date;
  externalRef: string;
  contentHash: string;
}

const STAGE: [string, string][] = [
  ["line", "int"],
  ["unit_id", "uuid"],
  ["unit_path", "text"],
  ["brigade_id", "uuid"],
  ["hall_id", "uuid"],
  ["counter_id", "uuid"],
  ["business_key", "text"],
  ["category_key", "text"],
  ["channel", "text"],
  ["clerk_id", "uuid"],
  ["recorded_by_token_id", "uuid"],
  ["applicant_name", "text"],
  ["applicant_id_number", "text"],
  ["plate", "text"],
  ["licence_number", "text"],
  ["fee_yuan", "int"],
  ["payment", "text"],
  ["started_at", "timestamptz"],
  ["completed_at", "timestamptz"],
  ["result", "text"],
  ["missing_documents", "text"],
  ["tolerated", "boolean"],
  ["follow_up_due", "date"],
  ["refusal_reason", "text"],
  ["difficult", "boolean"],
  ["difficult_resolved", "boolean"],
  ["difficult_resolution", "text"],
  ["outreach_trip_id", "uuid"],
  ["service_point_id", "uuid"],
  ["external_ref", "text"],
  ["content_hash", "text"],
  ["rating", "text"],
  ["rating_comment", "text"],
  ["evaluated_at", "timestamptz"],
];
const TX_COLS = STAGE.slice(1, 31)
  .map(([c]) => `"${c}"`)
  .join(", ");

const err = (field: string, message: string) => ({ ok: false as const, errors: [{ field, message }] });

/**
 * Imports window transactions from CSV (header row = field names) or NDJSON. Rows are
 * checked like the API's (same schema, same rules, references resolved in the caller's
 * scope from maps loaded once), then each batch is COPYed into a staging table and
 * inserted with one INSERT … SELECT … ON CONFLICT (unit_id, external_ref) DO NOTHING.
 * Rows without externalRef get "auto-" + their content hash, so a re-import creates
 * nothing. A rating creates the evaluation, and a dissatisfied one its complaint.
 */
export async function importTransactions({
  actor,
  body,
  format,
  batchSize,
}: {
  actor: Actor;
  body: Readable;
  format: ImportFormat;
  batchSize?: number;
}): Promise<ImportReport> {
  assertCan(actor, "window.import");
  const scope = underPath(actor.unitPath);
  const [businesses, halls, units, trips, points, users] = await Promise.all([
    db.windowBusiness.findMany({ select: { key: true, categoryKey: true, feeYuan: true, active: true } }),
    db.windowHall.findMany({
      where: { unitPath: scope },
      select: {
        id: true,
        code: true,
        unitId: true,
        unitPath: true,
        brigadeId: true,
        active: true,
        counters: { select: { id: true, number: true } },
      },
    }),
    db.unit.findMany({ where: { path: scope }, select: { id: true, code: true, path: true, kind: true } }),
    db.outreachTrip.findMany({
      where: { unitPath: scope },
      select: { id: true, unitId: true, unitPath: true, brigadeId: true },
    }),
    db.servicePoint.findMany({
      where: { unitPath: scope },
      select: { id: true, unitId: true, unitPath: true, brigadeId: true },
    }),
    db.user.findMany({ where: { unit: { path: scope } }, select: { id: true, username: true } }),
  ]);
  const business = new Map(businesses.map((b) => [b.key, b]));
  const hallBy = new Map(
    halls.flatMap(
      (h) =>
        [
          [h.code, h],
          [h.id, h],
        ] as const,
    ),
  );
  const tripBy = new Map(trips.map((t) => [t.id, t]));
  const pointBy = new Map(points.map((p) => [p.id, p]));
  const userBy = new Map(users.map((u) => [u.username, u.id]));
  const brigadeIds = new Map<string, string>();
  for (const u of units)
    if (u.kind === "BRIGADE" || u.kind === "SQUAD") brigadeIds.set(u.code, (await brigadeOf(u)).id);
  const unitBy = new Map(
    units
      .filter((u) => brigadeIds.has(u.code))
      .map((u) => [u.code, { unitId: u.id, unitPath: u.path, brigadeId: brigadeIds.get(u.code)! }]),
  );
  const owners = await Promise.all(
    [...new Set(brigadeIds.values())].map(async (b) => ({ brigade_id: b, owner_id: await complaintOwner(db, b) })),
  );

  const validate = (record: Record<string, unknown>, line: number): RowCheck<Value> => {
    const parsed = importRowSchema.safeParse(record);
    if (!parsed.success)
      return {
        ok: false,
        errors: parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })),
      };
    const v = parsed.data;
    const b = business.get(v.business);
    if (!b || !b.active) return err("business", "window.v.business");
    const hall = v.hall ? hallBy.get(v.hall) : undefined;
    if (v.hall && (!hall || !hall.active)) return err("hall", "window.v.hallNotFound");
    if (v.channel === "hall" && !hall) return err("hall", "window.v.hallRequired");
    const counter = v.window ? hall?.counters.find((c) => c.number === v.window) : undefined;
    if (v.window && !counter) return err("window", "window.v.windowNotFound");
    const trip = v.outreachTripId ? tripBy.get(v.outreachTripId) : undefined;
    if (v.outreachTripId && !trip) return err("outreachTripId", "window.v.tripNotFound");
    const point = v.servicePointId ? pointBy.get(v.servicePointId) : undefined;
    if (v.servicePointId && !point) return err("servicePointId", "window.v.pointNotFound");
    const clerkId = v.clerk ? userBy.get(v.clerk) : undefined;
    if (v.clerk && !clerkId) return err("clerk", "window.v.clerkNotFound");
    const unit = trip ?? point ?? hall ?? unitBy.get(v.unitCode ?? actor.unitCode);
    if (!unit) return err("unitCode", v.unitCode ? "window.v.unitNotFound" : "window.v.unitRequired");
    const completedAt = v.completedAt;
    if (!completedAt) return err("completedAt", "validation.required");
    const startedAt = v.startedAt ?? completedAt;
    const feeYuan = v.feeYuan ?? b.feeYuan;
    const payment = v.payment ?? (feeYuan > 0 ? null : "none");
    if (!payment || (feeYuan > 0 && payment === "none")) return err("payment", "window.v.paymentRequired");
    const contentHash = transactionContentHash(v);
    return {
      ok: true,
      value: {
        line,
        v,
        unitId: unit.unitId,
        unitPath: unit.unitPath,
        brigadeId: unit.brigadeId,
        hallId: hall?.id ?? null,
        counterId: counter?.id ?? null,
        clerkId: clerkId ?? null,
        categoryKey: b.categoryKey,
        feeYuan,
        payment,
        startedAt,
        completedAt,
        externalRef: v.externalRef ?? `auto-${contentHash.slice(0, 40)}`,
        contentHash,
      },
    };
  };

  const client = await pgPool().connect();
  try {
    return await runImport({
      rows: parseRows(body, format),
      validate,
      batchSize,
      writeBatch: (rows) =>
        writeBatch(
          client,
          actor,
          rows.map((r) => r.value),
          owners,
        ),
    });
  } finally {
    client.release();
  }
}

async function writeBatch(
  client: PoolClient,
  actor: Actor,
  rows: Value[],
  owners: { brigade_id: string; owner_id: string | null }[],
) {
  await client.query("BEGIN");
  try {
    await client.query(
      `CREATE TEMP TABLE window_tx_stage (${STAGE.map(([c, t]) => `"${c}" ${t}`).join(", ")}) ON COMMIT DROP`,
    );
    await client.query(`CREATE TEMP TABLE window_tx_new (id uuid, unit_id uuid, external_ref text) ON COMMIT DROP`);
    await copyRows(
      client,
      "window_tx_stage",
      STAGE.map(([c]) => c),
      rows.map((r) => {
        const v = r.v;
        return [
          r.line,
          r.unitId,
          r.unitPath,
          r.brigadeId,
          r.hallId,
          r.counterId,
          v.business,
          r.categoryKey,
          v.channel,
          r.clerkId,
          actor.tokenId,
          v.applicantName,
          v.applicantIdNumber,
          v.plate,
          v.licenceNumber,
          r.feeYuan,
          r.payment,
          r.startedAt,
          r.completedAt,
          v.result,
          v.missingDocuments,
          v.tolerated,
          v.followUpDue,
          v.refusalReason,
          v.difficult,
          v.difficult && !!v.difficultResolution && v.result === "done",
          v.difficultResolution,
          v.outreachTripId,
          v.servicePointId,
          r.externalRef,
          r.contentHash,
          v.rating,
          v.ratingComment,
          v.evaluatedAt ?? r.completedAt,
        ];
      }),
    );
    // The first line of each (unit, externalRef) is the candidate; the trigger sets after_hours.
    await client.query(`
      WITH ins AS (
        INSERT INTO window_transactions (${TX_COLS})
        SELECT DISTINCT ON (unit_id, external_ref) ${TX_COLS} FROM window_tx_stage ORDER BY unit_id, external_ref, line
        ON CONFLICT (unit_id, external_ref) DO NOTHING
        RETURNING id, unit_id, external_ref)
      INSERT INTO window_tx_new SELECT id, unit_id, external_ref FROM ins`);
    const { rows: outcome } = await client.query<{ line: number; created: boolean; same: boolean }>(`
      SELECT s.line,
             (n.id IS NOT NULL AND s.line = (SELECT min(line) FROM window_tx_stage s2 WHERE s2.unit_id = s.unit_id AND s2.external_ref = s.external_ref)) AS created,
             t.content_hash = s.content_hash AS same
        FROM window_tx_stage s
        JOIN window_transactions t ON t.unit_id = s.unit_id AND t.external_ref = s.external_ref
        LEFT JOIN window_tx_new n ON n.unit_id = s.unit_id AND n.external_ref = s.external_ref`);
    await client.query(
      `
      WITH ev AS (
        INSERT INTO window_evaluations (transaction_id, unit_id, unit_path, brigade_id, clerk_id, business_key, rating, comment, evaluated_at)
        SELECT n.id, s.unit_id, s.unit_path, s.brigade_id, s.clerk_id, s.business_key, s.rating, s.rating_comment, s.evaluated_at
          FROM window_tx_new n
          JOIN LATERAL (SELECT * FROM window_tx_stage s WHERE s.unit_id = n.unit_id AND s.external_ref = n.external_ref ORDER BY line LIMIT 1) s ON true
         WHERE s.rating IS NOT NULL
        RETURNING id, transaction_id, unit_id, unit_path, brigade_id, clerk_id, rating, comment, evaluated_at)
      INSERT INTO window_complaints (unit_id, unit_path, brigade_id, transaction_id, evaluation_id, clerk_id, source, summary, owner_id, due_date, opened_at)
      SELECT ev.unit_id, ev.unit_path, ev.brigade_id, ev.transaction_id, ev.id, ev.clerk_id, 'evaluation', ev.comment, o.owner_id,
             (ev.evaluated_at AT TIME ZONE 'Asia/Shanghai')::date + ${COMPLAINT_DUE_DAYS}, ev.evaluated_at
        FROM ev LEFT JOIN json_to_recordset($1::json) AS o(brigade_id uuid, owner_id uuid) ON o.brigade_id = ev.brigade_id
       WHERE ev.rating = 'dissatisfied'`,
      [JSON.stringify(owners)],
    );
    let created = 0;
    let duplicates = 0;
    const errors: ImportError[] = [];
    for (const o of outcome) {
      if (o.created) created++;
      else if (o.same) duplicates++;
      else errors.push({ line: o.line, field: "externalRef", message: "window.e.externalRefConflict" });
    }
    if (created)
      await writeAuditPg(client, actor, {
        action: "window.transaction.import",
        entity: "window_transaction",
        after: {
          created,
          duplicates,
          rejected: errors.length,
          firstLine: rows[0]?.line,
          lastLine: rows[rows.length - 1]?.line,
        },
      });
    await client.query("COMMIT");
    return { created, duplicates, errors: errors.sort((a, b) => a.line - b.line) };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}
