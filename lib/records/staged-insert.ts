import "server-only";
import type { PoolClient } from "pg";
import { columnList, copyRows } from "@/lib/import/copy";
import type { ImportError } from "@/lib/import/run-import";

/**
 * Writes one import batch with set-based statements only, in one transaction.
 *
 * Most batches of a first import hold only new references. One indexed lookup tells
 * (EXISTS over (unit_id, external_ref)); such a batch is COPYed straight into the
 * target table, the fastest path the database has. A batch that meets a stored
 * reference takes the staged path:
 *   COPY rows → temp staging table (one per import connection, emptied on commit)
 *   INSERT INTO target SELECT … FROM stage ON CONFLICT (unit_id, external_ref) DO NOTHING
 *   one SELECT telling the rows that were not inserted apart: same content (duplicate)
 *   or different content under the same externalRef (a rejected row).
 * Either way: children (e.g. accident parties) for the rows just inserted, one audit row
 * for the batch. Rows carry ids assigned before COPY, so "inserted by this batch" is
 * simply "the row with that externalRef has our id". Statement-level triggers (rollups)
 * see each batch as one statement. If a concurrent writer stores one of the references
 * between the lookup and the COPY, the unique index refuses the COPY and the batch is
 * written again through the staged path: nothing is lost or written twice.
 *
 * Validation happens before, so the database should never refuse a row; if it does (a
 * constraint the validator missed, a concurrent unit move), the batch is split in halves
 * until the offending rows are isolated, reported by line, and everything else written.
 * A row is never half-written: it and its children commit together or not at all.
 */
export interface StageSpec<R> {
  /** Temp table name, and its columns after (line, id, content_hash): columns of the target, incl. unit_id and external_ref. */
  stage: string;
  stageColumns: [name: string, type: string][];
  /** Row → values for stageColumns (line, id and content hash are added). */
  values: (row: R) => unknown[];
  line: (row: R) => number;
  id: (row: R) => string;
  contentHash: (row: R) => string;
  /** Runs after the insert (children of inserted rows), may COPY more staging tables. */
  afterInsert?: (client: PoolClient, rows: R[]) => Promise<void>;
  /** Target table. */
  target: string;
  audit: (client: PoolClient, info: { created: number; duplicates: number; lines: [number, number] }) => Promise<void>;
}

export interface StagedResult {
  created: number;
  duplicates: number;
  errors: ImportError[];
}

/** Staging tables already created on a connection (temp tables live as long as it does). */
const prepared = new WeakMap<PoolClient, Set<string>>();

async function ensureStage<R>(client: PoolClient, spec: StageSpec<R>) {
  const cols = [["line", "integer"], ["id", "uuid"], ["content_hash", "text"], ...spec.stageColumns]
    .map(([n, t]) => `"${n}" ${t}`)
    .join(", ");
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${spec.stage}" (${cols}) ON COMMIT DELETE ROWS`);
  if (!prepared.has(client)) prepared.set(client, new Set());
  prepared.get(client)!.add(spec.stage);
}

/** Whether any of these rows' (unit, externalRef) is already stored in the target. */
async function anyStored(
  client: PoolClient,
  target: string,
  keys: [unitId: unknown, ref: unknown][],
): Promise<boolean> {
  const { rows } = await client.query<{ hit: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM unnest($1::uuid[], $2::text[]) AS k(unit_id, external_ref)
                      JOIN "${target}" t ON t.unit_id = k.unit_id AND t.external_ref = k.external_ref) AS hit`,
    [keys.map((k) => k[0]), keys.map((k) => k[1])],
  );
  return rows[0].hit;
}

async function writeOnce<R>(client: PoolClient, spec: StageSpec<R>, rows: R[], direct: boolean): Promise<StagedResult> {
  const cols = ["id", "content_hash", ...spec.stageColumns.map((c) => c[0])];
  const values = rows.map((r) => [spec.id(r), spec.contentHash(r), ...spec.values(r)]);
  const unitAt = cols.indexOf("unit_id");
  const refAt = cols.indexOf("external_ref");
  await client.query("BEGIN");
  try {
    let created: number;
    if (
      direct &&
      !(await anyStored(
        client,
        spec.target,
        values.map((v) => [v[unitAt], v[refAt]]),
      ))
    ) {
      await copyRows(client, `"${spec.target}"`, cols, values);
      created = rows.length;
    } else {
      await copyRows(
        client,
        `"${spec.stage}"`,
        ["line", ...cols],
        values.map((v, i) => [spec.line(rows[i]), ...v]),
      );
      const ins = await client.query(
        `INSERT INTO "${spec.target}" (${columnList(cols)}) SELECT ${columnList(cols)} FROM "${spec.stage}" ON CONFLICT (unit_id, external_ref) DO NOTHING`,
      );
      created = ins.rowCount ?? 0;
    }
    if (spec.afterInsert && created > 0) await spec.afterInsert(client, rows);
    let duplicates = 0;
    const errors: ImportError[] = [];
    if (created < rows.length) {
      const { rows: existing } = await client.query<{ line: number; same: boolean; id: string }>(
        `SELECT s.line, t.content_hash IS NOT DISTINCT FROM s.content_hash AS same, t.id
           FROM "${spec.stage}" s JOIN "${spec.target}" t ON t.unit_id = s.unit_id AND t.external_ref = s.external_ref
          WHERE t.id <> s.id`,
      );
      for (const e of existing) {
        if (e.same) duplicates++;
        else errors.push({ line: e.line, field: "externalRef", message: "records.externalRefConflict" });
      }
    }
    const lines = rows.map(spec.line);
    await spec.audit(client, { created, duplicates, lines: [Math.min(...lines), Math.max(...lines)] });
    await client.query("COMMIT");
    return { created, duplicates, errors };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

export function stagedInsert<R>(client: PoolClient, spec: StageSpec<R>, rows: R[]): Promise<StagedResult> {
  return write(client, spec, rows, true);
}

/** One attempt at a batch; `direct` allows the straight COPY (off once a concurrent writer got in the way). */
async function write<R>(client: PoolClient, spec: StageSpec<R>, rows: R[], direct: boolean): Promise<StagedResult> {
  if (!rows.length) return { created: 0, duplicates: 0, errors: [] };
  if (!prepared.get(client)?.has(spec.stage)) await ensureStage(client, spec);
  try {
    return await writeOnce(client, spec, rows, direct);
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    // A reference stored since the lookup (a concurrent writer): the staged path sorts it out.
    if (direct && code === "23505") return write(client, spec, rows, false);
    // Only a refused row (data exception 22xxx, constraint 23xxx) is worth isolating;
    // anything else (connection lost, timeout) fails the import as it is.
    if (!code.startsWith("22") && !code.startsWith("23")) throw err;
    if (rows.length === 1) {
      const message = err instanceof Error ? err.message.replace(/\s+/g, " ").slice(0, 300) : "refused by the database";
      return {
        created: 0,
        duplicates: 0,
        errors: [{ line: spec.line(rows[0]), field: "", message: `refused by the database: ${message}` }],
      };
    }
    const mid = Math.ceil(rows.length / 2);
    const a = await write(client, spec, rows.slice(0, mid), direct);
    const b = await write(client, spec, rows.slice(mid), direct);
    return {
      created: a.created + b.created,
      duplicates: a.duplicates + b.duplicates,
      errors: [...a.errors, ...b.errors],
    };
  }
}
