/**
 * Writes generated rows through the record kernel's bulk writer, the way imports do: COPY
 * straight in on a first run, staged INSERT … ON CONFLICT DO NOTHING on a re-run (the ids
 * and external refs are fixed, so a re-run writes nothing twice); one statement per batch,
 * so the statement-level rollup triggers aggregate each batch once.
 */
import type { Pool, PoolClient } from "pg";
import { bulkWrite } from "@/lib/records/kernel";

export async function writeRows<T extends object>(
  pool: Pool,
  table: string,
  columns: readonly string[],
  rows: T[],
  opts: {
    batch?: number;
    touchUpdatedAt?: boolean;
    afterInsert?: (client: PoolClient, rows: T[]) => Promise<void>;
  } = {},
): Promise<number> {
  const batch = opts.batch ?? 25_000;
  const touch = opts.touchUpdatedAt !== false;
  const now = new Date();
  const target = {
    table,
    columns: touch ? [...columns, "updated_at"] : columns,
    values: (r: T) => {
      const v = columns.map((c) => (r as Record<string, unknown>)[c]);
      return touch ? [...v, now] : v;
    },
    keyed: false,
    afterInsert: opts.afterInsert,
  };
  let created = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const client = await pool.connect();
    try {
      created += (await bulkWrite(client, target, rows.slice(i, i + batch))).created;
    } finally {
      client.release();
    }
  }
  return created;
}
