/**
 * Writes generated rows the way bulk imports do: COPY into a staging table, then one
 * INSERT … SELECT … ON CONFLICT DO NOTHING per batch — idempotent on external_ref, and
 * the statement-level rollup triggers aggregate each batch once.
 */
import type { Pool } from "pg";
import { copyRows } from "@/lib/import/copy";

export async function writeRows<T extends object>(
  pool: Pool,
  table: string,
  columns: readonly string[],
  rows: T[],
  opts: { batch?: number; conflict?: string; touchUpdatedAt?: boolean; onBatch?: (written: number) => void } = {},
): Promise<number> {
  const batch = opts.batch ?? 25_000;
  let created = 0;
  const cols = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += batch) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT ${cols} FROM ${table} LIMIT 0`);
      await copyRows(
        client,
        "stage",
        [...columns],
        rows.slice(i, i + batch).map((r) => columns.map((c) => (r as Record<string, unknown>)[c])),
      );
      const res = await client.query(
        opts.touchUpdatedAt === false
          ? `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM stage ON CONFLICT ${opts.conflict ?? "(unit_id, external_ref)"} DO NOTHING`
          : `INSERT INTO ${table} (${cols}, updated_at) SELECT ${cols}, now() FROM stage ON CONFLICT ${opts.conflict ?? "(unit_id, external_ref)"} DO NOTHING`,
      );
      await client.query("COMMIT");
      created += res.rowCount ?? 0;
      opts.onBatch?.(Math.min(i + batch, rows.length));
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  return created;
}
