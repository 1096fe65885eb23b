import "server-only";
import { hash, randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { auditFromRow, toAuditJson, writeAudit } from "@/lib/audit/write-audit";
import { dbErrorInfo } from "@/lib/db-refusal";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { idempotencyKeyInsert, runIdempotent } from "@/lib/idempotency/run-idempotent";
import { notifyEvent } from "@/lib/realtime/notify";
import { columnList } from "@/lib/import/copy";
import { snakeCase } from "./import";

type Stored = { id: string; contentHash: string | null } | null;

/**
 * The create path every record kind shares, so replays behave the same everywhere:
 *  - `Idempotency-Key` (per actor): the same key with the same body returns the first
 *    result; with a different body it is a 409 (lib/idempotency);
 *  - `externalRef` (unique per unit): the insert is ON CONFLICT DO NOTHING; when a row
 *    with that reference exists, the same content returns it (a replay) and different
 *    content is a 409 naming the existing record.
 * Concurrent identical requests wait on the unique index and then see the winner's row,
 * so exactly one row is written and nobody gets an error. `insert` writes the row under the
 * id it is given (made here, so the Idempotency-Key is stored with its result at once), its
 * children and its audit entry in `tx`, or returns null when a unique key was met.
 */
export async function createOnce<R extends { id: string }>(opts: {
  actor: Actor;
  entity: string;
  idempotencyKey?: string | null;
  contentHash: string;
  insert: (tx: Tx, id: string) => Promise<R | null>;
  existing: (tx: Tx) => Promise<Stored>;
  load: (tx: Tx, id: string) => Promise<R | null>;
  /** The common case in one statement, tried first (see DirectInsert). */
  direct?: () => DirectInsert<R>;
}): Promise<{ record: R; replayed: boolean }> {
  const id = randomUUID();
  if (opts.direct) {
    const record = await insertDirect(opts, id, opts.direct());
    if (record) return { record, replayed: false };
  }
  return db.$transaction(async (tx) => {
    const out = await runIdempotent(
      tx,
      {
        actor: opts.actor,
        key: opts.idempotencyKey ?? null,
        entity: opts.entity,
        fingerprint: opts.contentHash,
        resultId: id,
      },
      async () => {
        const row = await opts.insert(tx, id);
        if (row) return { id: row.id, record: row, replayed: false };
        const prior = await opts.existing(tx);
        if (!prior) throw new AppError("CONFLICT", "a conflicting record exists");
        if (prior.contentHash !== opts.contentHash) {
          throw new AppError("CONFLICT", "records.externalRefConflict", {
            details: { id: prior.id },
            fields: [{ path: "externalRef", message: "records.externalRefConflict" }],
          });
        }
        const record = await opts.load(tx, prior.id);
        if (!record) throw new AppError("CONFLICT", "a conflicting record exists");
        return { id: record.id, record, replayed: true };
      },
      async (id) => {
        const record = await opts.load(tx, id);
        return record ? { id, record, replayed: true } : null;
      },
    );
    return { record: out.record.record, replayed: out.replayed || out.record.replayed };
  });
}

/**
 * A create that needs nothing but its row and its audit entry, written by ONE statement —
 * the Idempotency-Key, the row and the audit row as one INSERT with CTEs, no interactive
 * transaction (two round trips fewer, and none of a transaction's bookkeeping). It is
 * all-or-nothing like any statement: a key or an externalRef already stored (a replay, a
 * conflict, a concurrent twin — which the statement waits for) fails it on the unique
 * index, nothing of it stays, and createOnce goes the transaction path, which answers as
 * it always did. The record returned is the stored row (`returning`, read back under the
 * field names) made into R by `toRecord`.
 */
export interface DirectInsert<R> {
  /** The table, e.g. "window_transactions". */
  table: string;
  /** The row by field name (camelCase, as Prisma names them), `id` excepted. */
  row: Record<string, unknown>;
  /** The fields read back from the stored row. */
  returning: readonly string[];
  toRecord: (row: Record<string, unknown>) => R;
  /**
   * The audit entry (`action`, by default "<entity>.create"): `after` as the caller's audit shape would give for
   * the stored row, except `fromRow`, the fields the database sets (defaults, triggers),
   * which are taken from the stored row — as `to_jsonb` writes them, which is JSON's way for
   * booleans, numbers, text and ids but not for times (set a time in `row` instead).
   */
  audit: { action?: string; after: Record<string, unknown>; fromRow?: readonly string[] };
}

/** Runs a DirectInsert: the record, or null when a unique key refused it (the caller then takes the transaction path). */
async function insertDirect<R>(
  opts: { actor: Actor; entity: string; idempotencyKey?: string | null; contentHash: string },
  id: string,
  d: DirectInsert<R>,
): Promise<R | null> {
  // The row goes as one JSON parameter, typed by the table's own columns (json_populate_record).
  // A field left undefined is not written (its column's default applies), as with Prisma.
  const row: Record<string, unknown> = { id };
  for (const [field, value] of Object.entries(d.row)) if (value !== undefined) row[snakeCase(field)] = value;
  const table = Prisma.raw(`"${d.table}"`);
  const columns = Prisma.raw(columnList(Object.keys(row)));
  const fromRow = (d.audit.fromRow ?? []).map((f) => `'${f}', r."${snakeCase(f)}"`).join(", ");
  const after = Prisma.sql`${JSON.stringify(toAuditJson(d.audit.after) ?? {})}::jsonb${
    fromRow ? Prisma.raw(` || jsonb_build_object(${fromRow})`) : Prisma.empty
  }`;
  const key = opts.idempotencyKey
    ? Prisma.sql`k AS (${idempotencyKeyInsert({
        actor: opts.actor,
        key: opts.idempotencyKey,
        entity: opts.entity,
        fingerprint: opts.contentHash,
        resultId: id,
      })}),`
    : Prisma.empty;
  const audit = auditFromRow({
    actor: opts.actor,
    action: d.audit.action ?? `${opts.entity}.create`,
    entity: opts.entity,
    after,
    from: "r",
  });
  try {
    const [stored] = await db.$queryRaw<Record<string, unknown>[]>`
      WITH ${key}
      r AS (INSERT INTO ${table} (${columns})
            SELECT ${columns} FROM json_populate_record(NULL::${table}, ${JSON.stringify(row, jsonSafe)}::json)
            RETURNING *),
      a AS (${audit})
      SELECT ${Prisma.raw(d.returning.map((f) => `r."${snakeCase(f)}" AS "${f}"`).join(", "))} FROM r`;
    return d.toRecord(stored);
  } catch (err) {
    // A unique index refused the row or the key: the transaction path sorts it out.
    if (dbErrorInfo(err)?.sqlState === "23505") return null;
    throw err;
  }
}

const jsonSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/**
 * The fingerprint a record's content is compared by: a parsed (zod) input, whose keys come
 * out in schema order whatever order the caller sent them in, so plain JSON is canonical
 * (tests/unit/content-hash.test.ts). Bulk imports hash every row, so no key sorting here.
 */
export function contentHashOf(entity: string, input: unknown): string {
  // One-shot hash of the joined text: the same bytes, so the same hash as createHash().update()… (half the work per row).
  return hash("sha256", `${entity}\n${JSON.stringify(input ?? null)}`, "hex");
}

/** The record kinds written by `createRecord`: their stored row and their Prisma create data. */
interface RecordModels {
  violation: { row: Prisma.ViolationGetPayload<object>; data: Prisma.ViolationCreateManyInput };
  accident: { row: Prisma.AccidentGetPayload<object>; data: Prisma.AccidentCreateManyInput };
  hazard: { row: Prisma.HazardGetPayload<object>; data: Prisma.HazardCreateManyInput };
  operation: { row: Prisma.OperationGetPayload<object>; data: Prisma.OperationCreateManyInput };
  supervisionFinding: {
    row: Prisma.SupervisionFindingGetPayload<object>;
    data: Prisma.SupervisionFindingCreateManyInput;
  };
  transportEnterprise: {
    row: Prisma.TransportEnterpriseGetPayload<object>;
    data: Prisma.TransportEnterpriseCreateManyInput;
  };
  keyVehicle: { row: Prisma.KeyVehicleGetPayload<object>; data: Prisma.KeyVehicleCreateManyInput };
  keyDriver: { row: Prisma.KeyDriverGetPayload<object>; data: Prisma.KeyDriverCreateManyInput };
  incident: { row: Prisma.IncidentGetPayload<object>; data: Prisma.IncidentCreateManyInput };
}
export type RecordModel = keyof RecordModels;
type Row<M extends RecordModel> = RecordModels[M]["row"];

/** What createRecord needs of a Prisma model delegate (every record model has these). */
interface Delegate {
  createManyAndReturn(args: { data: object[]; skipDuplicates: boolean }): Promise<{ id: string }[]>;
  findFirst(args: { where: object; select?: object }): Promise<Stored>;
  findUnique(args: { where: { id: string } }): Promise<unknown>;
}
const delegate = (tx: Tx, model: RecordModel) => (tx as unknown as Record<RecordModel, Delegate>)[model];

/**
 * One record of one table, created once: the kernel's createOnce for the common case, so a
 * record kind brings only its data (placement included, from `recordData`/`unitData`).
 * The content a replay is compared by is hashed here; the row's `externalRef` and
 * `contentHash` are set here. In the same transaction: `children` (rows that hang off the
 * record), the audit row (`<entity>.create`, `audit` shapes its "after") and `notify`'s
 * live event. `load` reads the record back as the caller returns it (with children).
 */
export async function createRecord<M extends RecordModel, R extends { id: string } = Row<M>>(opts: {
  actor: Actor;
  model: M;
  /** Audit and idempotency entity name, e.g. "violation", "supervision_finding". */
  entity: string;
  idempotencyKey?: string | null;
  /** What a replay is compared by (a parsed input). */
  content: unknown;
  externalRef?: string | null;
  data: Omit<RecordModels[M]["data"], "externalRef" | "contentHash">;
  /** Another unique key (per unit) a replay may meet, e.g. a registry's natural key. */
  naturalKey?: (tx: Tx, unitId: string) => Promise<Stored>;
  children?: (tx: Tx, row: Row<M>) => Promise<void>;
  audit?: (row: Row<M>) => unknown;
  notify?: (row: Row<M>) => { topic: string; data: unknown };
  load?: (tx: Tx, id: string) => Promise<R | null>;
}): Promise<{ record: R; replayed: boolean }> {
  const contentHash = contentHashOf(opts.entity, opts.content);
  const data = opts.data as RecordModels[M]["data"] & { unitId: string };
  const load =
    opts.load ?? ((tx: Tx, id: string) => delegate(tx, opts.model).findUnique({ where: { id } }) as Promise<R>);
  return createOnce<R>({
    actor: opts.actor,
    entity: opts.entity,
    idempotencyKey: opts.idempotencyKey,
    contentHash,
    insert: async (tx, id) => {
      const [created] = await delegate(tx, opts.model).createManyAndReturn({
        skipDuplicates: true,
        data: [{ ...data, id, externalRef: opts.externalRef ?? null, contentHash }],
      });
      if (!created) return null;
      const row = created as Row<M> & { unitId: string; unitPath: string };
      await opts.children?.(tx, row);
      await writeAudit(tx, opts.actor, {
        action: `${opts.entity}.create`,
        entity: opts.entity,
        entityId: row.id,
        after: opts.audit ? opts.audit(row) : row,
        unitId: row.unitId,
        unitPath: row.unitPath,
      });
      if (opts.notify) {
        const event = opts.notify(row);
        await notifyEvent(tx, event.topic, row.unitPath, event.data);
      }
      return opts.load ? opts.load(tx, row.id) : (row as unknown as R);
    },
    existing: async (tx) => {
      const byRef = opts.externalRef
        ? await delegate(tx, opts.model).findFirst({
            where: { unitId: data.unitId, externalRef: opts.externalRef },
            select: { id: true, contentHash: true },
          })
        : null;
      return byRef ?? (opts.naturalKey ? opts.naturalKey(tx, data.unitId) : null);
    },
    load,
  });
}
