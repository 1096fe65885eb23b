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
import { underPath } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { reassignGrids } from "@/lib/duty/grid-lookup";
import { log } from "@/lib/log";
import { backfillBeats } from "./chain-backfill";

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
      const beats = await backfillBeats(client, brigadeId, chunk);
      for (const k of Object.keys(beats) as (keyof typeof beats)[]) out.beats[k] += beats[k];
    }
  } finally {
    client.release();
  }
  out.ms = Date.now() - t0;
  log.info(out, "record chain backfill");
  return out;
}

export interface ChainLinks {
  incident: { id: string; kind: string; receivedAt: Date } | null;
  beat: { id: string; startsAt: Date; endsAt: Date; shiftKind: string } | null;
  grid: { id: string; name: string } | null;
  officer: { id: string; name: string } | null;
}

/**
 * A record's place in the chain, for its page: the incident, beat, grid and officer it
 * links to (names and times; each page links on to the others). Only what lies in the
 * viewer's scope is named.
 */
export async function chainLinks({
  actor,
  input: r,
}: {
  actor: { unitPath: string };
  input: { incidentId?: string | null; beatId?: string | null; gridId?: string | null; recordedById?: string | null };
}): Promise<ChainLinks> {
  const scope = underPath(actor.unitPath);
  const [incident, beat, grid, officer] = await Promise.all([
    r.incidentId
      ? db.incident.findFirst({
          where: { id: r.incidentId, unitPath: scope },
          select: { id: true, kind: true, receivedAt: true },
        })
      : null,
    r.beatId
      ? db.beat.findFirst({
          where: { id: r.beatId, unitPath: scope },
          select: { id: true, startsAt: true, endsAt: true, shiftKind: true },
        })
      : null,
    r.gridId ? db.grid.findFirst({ where: { id: r.gridId, unitPath: scope }, select: { id: true, name: true } }) : null,
    r.recordedById
      ? db.user
          .findUnique({ where: { id: r.recordedById }, select: { id: true, displayName: true } })
          .then((u) => (u ? { id: u.id, name: u.displayName } : null))
      : null,
  ]);
  return { incident, beat, grid, officer };
}

/** The grids a record list can be filtered by (in scope, retired ones last), and names for the chain filters in use. */
export async function chainFilterOptions({
  actor,
  input: current,
}: {
  actor: { unitPath: string };
  input: { beat?: string; recordedBy?: string; incident?: string };
}) {
  const [grids, links] = await Promise.all([
    db.grid.findMany({
      where: { unitPath: underPath(actor.unitPath) },
      select: { id: true, name: true, archivedAt: true },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { unitPath: "asc" }, { name: "asc" }],
    }),
    chainLinks({
      actor,
      input: { beatId: current.beat, recordedById: current.recordedBy, incidentId: current.incident },
    }),
  ]);
  return { grids, links };
}
