import "server-only";
import type pg from "pg";

/**
 * The beat of stored records (chain_beat_at, see lib/records/chain.ts), for one brigade's
 * violations, accidents and incidents, in keyset chunks of ids on a plain pg client (the
 * backfill command and the demo seed). Only rows whose beat differs are written; rows
 * outside the span of the brigade's beats are skipped unless they still carry one.
 */
const CHAIN_TABLES = [
  { table: "violations", at: "occurred_at" },
  { table: "accidents", at: "occurred_at" },
  { table: "incidents", at: "received_at" },
] as const;

export async function backfillBeats(
  client: pg.ClientBase,
  brigadeId: string,
  chunk = 20_000,
): Promise<{ violations: number; accidents: number; incidents: number }> {
  const out = { violations: 0, accidents: 0, incidents: 0 };
  const span = await client.query<{ lo: Date | null; hi: Date | null }>(
    `SELECT min(starts_at) AS lo, max(ends_at) AS hi FROM beats WHERE brigade_id = $1`,
    [brigadeId],
  );
  const { lo, hi } = span.rows[0];
  // Table and column names come from the constant list above, never from input.
  for (const { table, at } of CHAIN_TABLES) {
    let last = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM ${table}
          WHERE brigade_id = $1 AND id > $2
            AND (beat_id IS NOT NULL OR (grid_id IS NOT NULL AND $3::timestamptz IS NOT NULL AND ${at} >= $3 AND ${at} < $4))
          ORDER BY id LIMIT $5`,
        [brigadeId, last, lo, hi, chunk],
      );
      if (!rows.length) break;
      const ids = rows.map((r) => r.id);
      const res = await client.query(
        `UPDATE ${table} t SET beat_id = chain_beat_at(t.grid_id, t.${at})
          WHERE t.id = ANY($1::uuid[]) AND t.beat_id IS DISTINCT FROM chain_beat_at(t.grid_id, t.${at})`,
        [ids],
      );
      out[table] += res.rowCount ?? 0;
      last = ids[ids.length - 1];
      if (rows.length < chunk) break;
    }
  }
  return out;
}
