import "server-only";
import { createHash } from "node:crypto";
import type { PoolClient } from "pg";
import { dbErrorInfo, dbRefusalKey } from "@/lib/db-refusal";
import { columnList, copyCsvLine, copyLines } from "@/lib/import/copy";
import { copyTuples, withFirstInt } from "@/lib/import/copy-binary";
import type { ImportError } from "@/lib/import/run-import";

/**
 * THE bulk writer: record imports, the window's import and the demo data all store their
 * rows through it, one batch per transaction, with set-based statements only.
 *
 * Most batches of a first import hold only new rows, so every batch is first COPYed straight
 * into the target table, the fastest path the database has. When the batch meets a stored
 * key the unique index refuses the COPY at that row (for a re-import, at its first row, so
 * little is wasted), the transaction rolls back and the batch takes the staged path:
 *   COPY rows → temp staging table shaped like the target (one per connection, emptied on commit)
 *   INSERT INTO target SELECT … FROM stage ON CONFLICT (key) DO NOTHING
 *   one SELECT telling the rows that were not inserted apart: same content (a duplicate)
 *   or different content under the same externalRef (a refused row, by line).
 * Either way: `afterInsert` (children, e.g. accident parties, of the rows just inserted)
 * and `audit` (one row for the batch). Rows carry ids assigned before COPY, so "inserted by
 * this batch" is "the stored row has our id". Statement-level triggers (rollups) see each
 * batch as one statement. (Until 2026-12-05 an indexed EXISTS lookup of the batch's keys
 * chose the path first: 7 % of a first import's time, to save a re-import a refused COPY.)
 *
 * A target that is not keyed (demo data, whose ids are fixed) is staged with ON CONFLICT DO
 * NOTHING on any key when the straight COPY meets a stored row.
 *
 * Validation happens before, so the database should never refuse a row. If it does (a
 * constraint the validator missed, a concurrent unit move) and the rows have lines, the
 * batch is split in halves until the offending rows are isolated, reported by line, and
 * everything else written; without lines the batch fails. A row is never half-written: it
 * and its children commit together or not at all.
 */
export type BulkTarget<R> = BulkTargetBase<R> &
  (
    | { values: (row: R) => unknown[]; binary?: never }
    | {
        /**
         * The row already written as its binary COPY tuple (lib/import/copy-binary.ts): an
         * import encodes each row as it prepares it and keeps only the tuple, not the objects
         * it came from, and the server parses no text (see copy-binary.ts).
         */
        binary: (row: R) => Buffer;
        values?: never;
      }
  );

interface BulkTargetBase<R> {
  table: string;
  /** Columns written, in the order of `values` (or of the encoded line); when keyed, "id", "content_hash", "unit_id" and "external_ref" among them. */
  columns: readonly string[];
  /**
   * Records (the default): unique on (unit_id, external_ref), a re-run's rows are duplicates
   * (same content_hash) or refused. false: rows with fixed ids, any unique key skips a row.
   */
  keyed?: boolean;
  /** The row's line in its file: refused rows are isolated and reported instead of failing the batch. */
  line?: (row: R) => number;
  /** Children of the rows just inserted (the batch's rows; join on the target's id to keep the inserted ones). */
  afterInsert?: (client: PoolClient, rows: R[]) => Promise<void>;
  audit?: (client: PoolClient, info: BulkAudit) => Promise<void>;
}

export interface BulkAudit {
  created: number;
  duplicates: number;
  lines?: [number, number];
}

export interface BulkResult {
  created: number;
  duplicates: number;
  errors: ImportError[];
}

/** Staging tables already created on a connection (temp tables live as long as it does). */
const prepared = new WeakMap<PoolClient, Set<string>>();

/**
 * COPYs rows into a temp table shaped like `table`'s `columns` (plus `line`), emptied at
 * commit; returns its name. Also for children writers (parties, evaluations) that then
 * INSERT … SELECT from it.
 */
export async function stageRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  withLine = false,
): Promise<string> {
  const stage = await stageTable(client, table, columns, withLine);
  await copyLines(client, `"${stage}"`, withLine ? ["line", ...columns] : [...columns], rows.map(copyCsvLine));
  return stage;
}

/** The temp table shaped like `table`'s `columns` (the line number first when `withLine`), created once per connection. */
async function stageTable(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  withLine: boolean,
): Promise<string> {
  const cols = withLine ? ["line", ...columns] : [...columns];
  const stage = `stage_${table}_${createHash("sha1").update(cols.join(",")).digest("hex").slice(0, 8)}`;
  if (!prepared.get(client)?.has(stage)) {
    const line = withLine ? "NULL::integer AS line, " : "";
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS "${stage}" ON COMMIT DELETE ROWS AS SELECT ${line}${columnList([...columns])} FROM "${table}" LIMIT 0`,
    );
    if (!prepared.has(client)) prepared.set(client, new Set());
    prepared.get(client)!.add(stage);
  }
  return stage;
}

/** COPYs a batch's rows into `into` (the target, or its stage with each row's line first). */
async function copyBatch<R>(client: PoolClient, t: BulkTarget<R>, rows: R[], into: string, withLine: boolean) {
  const columns = withLine ? ["line", ...t.columns] : [...t.columns];
  if (t.binary) {
    const tuples = withLine ? rows.map((r) => withFirstInt(t.binary(r), t.line?.(r))) : rows.map(t.binary);
    return copyTuples(client, `"${into}"`, columns, tuples);
  }
  const lines = rows.map((r) => copyCsvLine(t.values(r)));
  // The line number first ("" is NULL), then the row.
  return copyLines(
    client,
    `"${into}"`,
    columns,
    withLine ? lines.map((l, i) => `${t.line?.(rows[i]) ?? ""},${l}`) : lines,
  );
}

async function writeOnce<R>(client: PoolClient, t: BulkTarget<R>, rows: R[], direct: boolean): Promise<BulkResult> {
  const keyed = t.keyed ?? true;
  await client.query("BEGIN");
  try {
    let created: number;
    let stage: string | null = null;
    if (direct) {
      await copyBatch(client, t, rows, t.table, false);
      created = rows.length;
    } else {
      stage = await stageTable(client, t.table, t.columns, true);
      await copyBatch(client, t, rows, stage, true);
      const ins = await client.query(
        `INSERT INTO "${t.table}" (${columnList([...t.columns])}) SELECT ${columnList([...t.columns])} FROM "${stage}"
         ON CONFLICT ${keyed ? "(unit_id, external_ref)" : ""} DO NOTHING`,
      );
      created = ins.rowCount ?? 0;
    }
    if (t.afterInsert && created > 0) await t.afterInsert(client, rows);
    let duplicates = rows.length - created;
    const errors: ImportError[] = [];
    if (created < rows.length && keyed && stage) {
      duplicates = 0;
      const { rows: existing } = await client.query<{ line: number; same: boolean }>(
        `SELECT s.line, t.content_hash IS NOT DISTINCT FROM s.content_hash AS same
           FROM "${stage}" s JOIN "${t.table}" t ON t.unit_id = s.unit_id AND t.external_ref = s.external_ref
          WHERE t.id <> s.id`,
      );
      for (const e of existing) {
        if (e.same) duplicates++;
        else errors.push({ line: e.line, field: "externalRef", message: "records.externalRefConflict" });
      }
    }
    const lineNos = t.line ? rows.map(t.line) : null;
    await t.audit?.(client, {
      created,
      duplicates,
      ...(lineNos ? { lines: [Math.min(...lineNos), Math.max(...lineNos)] as [number, number] } : {}),
    });
    await client.query("COMMIT");
    return { created, duplicates, errors };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/** Writes one batch (see above); `client` is a pool connection the caller holds for the whole import. */
export function bulkWrite<R>(client: PoolClient, target: BulkTarget<R>, rows: R[]): Promise<BulkResult> {
  return write(client, target, rows, true);
}

/** One attempt at a batch; `direct` allows the straight COPY (off once a unique index got in the way). */
async function write<R>(client: PoolClient, t: BulkTarget<R>, rows: R[], direct: boolean): Promise<BulkResult> {
  if (!rows.length) return { created: 0, duplicates: 0, errors: [] };
  try {
    return await writeOnce(client, t, rows, direct);
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    // A key stored since the lookup (a concurrent writer), or a re-run of keyless rows: the staged path sorts it out.
    if (direct && code === "23505") return write(client, t, rows, false);
    // Only a refused row (data exception 22xxx, constraint 23xxx) of a file is worth isolating;
    // anything else (connection lost, timeout) fails the import as it is.
    if (!t.line || (!code.startsWith("22") && !code.startsWith("23"))) throw err;
    if (rows.length === 1) {
      // What kind of value was refused, and by which rule — never the database's text, which quotes the value.
      const info = dbErrorInfo(err);
      return {
        created: 0,
        duplicates: 0,
        errors: [
          {
            line: t.line(rows[0]),
            field: info?.column ?? info?.constraint ?? "",
            message: info ? dbRefusalKey(info) : "records.db.refused",
          },
        ],
      };
    }
    const mid = Math.ceil(rows.length / 2);
    const a = await write(client, t, rows.slice(0, mid), direct);
    const b = await write(client, t, rows.slice(mid), direct);
    return {
      created: a.created + b.created,
      duplicates: a.duplicates + b.duplicates,
      errors: [...a.errors, ...b.errors],
    };
  }
}
