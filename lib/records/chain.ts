import "server-only";
/**
 * The record chain (docs/incidents.md#the-record-chain): each violation, accident and
 * incident stores its grid, the beat on duty there at that time, the recording officer and
 * (for violations and accidents) the incident it came from.
 *
 * THE rule of the beat lives in SQL (`chain_beat_at(grid, at)`, migration
 * 20261203050000_incidents): the non-cancelled beat of the record's grid whose planned
 * [starts_at, ends_at) covers the instant; when several overlap, the one that started last,
 * then the smallest id. Single writes ask the database; bulk imports use `BeatIndex`, the
 * same rule in memory (tests/db/record-chain.test.ts compares both with a plain query).
 * The database keeps it true afterwards: a beat rostered, moved or cancelled re-derives
 * the records of its grid and time, and a record whose grid changes gets its beat again.
 */
import type pg from "pg";
import { db, type Tx } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { reassignGrids } from "@/lib/duty/grid-lookup";
import { log } from "@/lib/log";

/** Beats last at most 24 hours (beats_period_check). */
const MAX_BEAT_MS = 24 * 3600_000;

/** The beat on duty in a grid at an instant (null without a grid or a beat). */
export async function beatIdAt(gridId: string | null, at: Date, client: Tx = db): Promise<string | null> {
  if (!gridId) return null;
  const [row] = await client.$queryRaw<{ id: string | null }[]>`SELECT chain_beat_at(${gridId}::uuid, ${at}) AS id`;
  return row?.id ?? null;
}

interface IndexedBeat {
  id: string;
  start: number;
  end: number;
}

/**
 * chain_beat_at in memory, for bulk imports: a brigade's beats by grid, sorted by start.
 * Loaded once per brigade on first use (a brigade rosters ~50 beats a day: two years are
 * ~40,000 small rows).
 */
export class BeatIndex {
  private constructor(private byGrid: Map<string, IndexedBeat[]>) {}

  static async load(brigadeId: string): Promise<BeatIndex> {
    const rows = await db.$queryRaw<{ id: string; grid_id: string; starts_at: Date; ends_at: Date }[]>`
      SELECT id, grid_id, starts_at, ends_at FROM beats WHERE brigade_id = ${brigadeId}::uuid AND cancelled_at IS NULL`;
    return BeatIndex.of(rows.map((r) => ({ id: r.id, gridId: r.grid_id, startsAt: r.starts_at, endsAt: r.ends_at })));
  }

  static of(beats: { id: string; gridId: string; startsAt: Date; endsAt: Date }[]): BeatIndex {
    const byGrid = new Map<string, IndexedBeat[]>();
    for (const b of beats) {
      const list = byGrid.get(b.gridId) ?? [];
      list.push({ id: b.id, start: b.startsAt.getTime(), end: b.endsAt.getTime() });
      byGrid.set(b.gridId, list);
    }
    for (const list of byGrid.values()) list.sort((a, b) => a.start - b.start);
    return new BeatIndex(byGrid);
  }

  at(gridId: string | null, when: Date): string | null {
    if (!gridId) return null;
    const list = this.byGrid.get(gridId);
    if (!list) return null;
    const t = when.getTime();
    // Last beat starting at or before t (binary search), then walk back over the 24 hours
    // a covering beat can have started in: the latest start wins, then the smallest id.
    let lo = 0,
      hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= t) lo = mid + 1;
      else hi = mid;
    }
    let best: IndexedBeat | null = null;
    for (let i = lo - 1; i >= 0 && list[i].start > t - MAX_BEAT_MS; i--) {
      const b = list[i];
      if (b.end <= t) continue;
      if (!best || b.start > best.start || (b.start === best.start && b.id < best.id)) best = b;
      else if (b.start < best.start) break;
    }
    return best?.id ?? null;
  }
}

export interface ChainBackfillResult {
  grids: { violations: number; accidents: number; incidents: number };
  beats: { violations: number; accidents: number; incidents: number };
  ms: number;
}

const CHAIN_TABLES = [
  { table: "violations", at: "occurred_at" },
  { table: "accidents", at: "occurred_at" },
  { table: "incidents", at: "received_at" },
] as const;

/**
 * `npm run backfill:chain`: gives the records already stored their grid (the duty domain's
 * reassignGrids) and their beat (chain_beat_at), brigade by brigade, in keyset chunks. Only
 * rows whose value differs are written, so a second run changes nothing.
 */
export async function backfillChain(
  opts: { brigadeIds?: string[]; chunk?: number } = {},
): Promise<ChainBackfillResult> {
  const t0 = Date.now();
  const chunk = opts.chunk ?? 20_000;
  const brigades =
    opts.brigadeIds ??
    (await db.unit.findMany({ where: { kind: "BRIGADE" }, select: { id: true }, orderBy: { path: "asc" } })).map(
      (u) => u.id,
    );
  const out: ChainBackfillResult = {
    grids: { violations: 0, accidents: 0, incidents: 0 },
    beats: { violations: 0, accidents: 0, incidents: 0 },
    ms: 0,
  };
  const client = await pgPool().connect();
  try {
    for (const brigadeId of brigades) {
      const hasGrids = await client.query(`SELECT 1 FROM grids WHERE brigade_id = $1 LIMIT 1`, [brigadeId]);
      const hasRecords = await client.query(
        `SELECT EXISTS (SELECT 1 FROM violations WHERE brigade_id = $1 AND grid_id IS NOT NULL)
             OR EXISTS (SELECT 1 FROM accidents WHERE brigade_id = $1 AND grid_id IS NOT NULL)
             OR EXISTS (SELECT 1 FROM incidents WHERE brigade_id = $1 AND grid_id IS NOT NULL) AS any`,
        [brigadeId],
      );
      if (hasGrids.rowCount || hasRecords.rows[0].any) {
        const g = await reassignGrids({ brigadeId, chunkSize: chunk });
        out.grids.violations += g.violations.changed;
        out.grids.accidents += g.accidents.changed;
        out.grids.incidents += g.incidents.changed;
      }
      for (const t of CHAIN_TABLES) out.beats[t.table] += await backfillBeats(client, t.table, t.at, brigadeId, chunk);
    }
  } finally {
    client.release();
  }
  out.ms = Date.now() - t0;
  log.info(out, "record chain backfill");
  return out;
}

/** beat_id of one table and brigade, in keyset chunks of ids; returns the rows changed. */
async function backfillBeats(
  client: pg.PoolClient,
  table: (typeof CHAIN_TABLES)[number]["table"],
  at: string,
  brigadeId: string,
  chunk: number,
): Promise<number> {
  // Only rows inside the span of the brigade's beats can have one; rows outside it that
  // still carry a beat (its beat was deleted) are cleared. Table and column names come
  // from the constant list above, never from input.
  const span = await client.query<{ lo: Date | null; hi: Date | null }>(
    `SELECT min(starts_at) AS lo, max(ends_at) AS hi FROM beats WHERE brigade_id = $1`,
    [brigadeId],
  );
  const { lo, hi } = span.rows[0];
  let last = "00000000-0000-0000-0000-000000000000";
  let changed = 0;
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
    changed += res.rowCount ?? 0;
    last = ids[ids.length - 1];
    if (rows.length < chunk) break;
  }
  return changed;
}
