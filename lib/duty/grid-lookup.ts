import "server-only";
/**
 * Grid assignment of records (violations.grid_id, accidents.grid_id, incidents.grid_id).
 *
 *  - loadGridIndex(brigadeId) → { at(lng, lat) → gridId | null }: an in-memory index
 *    of the brigade's active grids, for single creates and for bulk imports (build once,
 *    then call `at` per row: ~1 µs each).
 *  - cachedGridIndex(brigadeId): the same, reused across requests while the brigade's
 *    grids are unchanged. Every grid change NOTIFYs "duty.grid" (to every app instance),
 *    which empties this cache; while that LISTEN connection is up the cache is trusted for
 *    a minute, otherwise (or after a reconnect, when events may have been missed) it is
 *    re-checked against the grids table (a one-row query) at most once a second.
 *  - reassignGrids({ brigadeId, bbox?, gridIds? }): recomputes grid_id of the brigade's
 *    records after grids are created, edited or archived — in keyset chunks, one UPDATE
 *    per chunk (never one statement per row), under a per-brigade advisory lock so two
 *    edits cannot interleave their results.
 */
import type pg from "pg";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { log } from "@/lib/log";
import type { Area } from "@/lib/geo/geometry";
import { eventListener } from "@/lib/realtime/listener";
import { buildGridIndex, type GridIndex } from "./grid-index";

export type { GridIndex } from "./grid-index";

export async function loadGridIndex(brigadeId: string): Promise<GridIndex> {
  const rows = await db.grid.findMany({
    where: { brigadeId, archivedAt: null },
    select: { id: true, geometry: true, bbox: true },
  });
  return buildGridIndex(rows.map((r) => ({ id: r.id, geometry: r.geometry as unknown as Area, bbox: r.bbox })));
}

const cache = new Map<string, { index: GridIndex; stamp: string; checkedAt: number; generation: number }>();
let watching: Promise<unknown> | null = null;
/** Bumped by every grid change: an index loaded across a change is not kept. */
let changes = 0;

/** Any grid change anywhere (any instance) empties the cache. */
function watchGridChanges() {
  watching ??= eventListener()
    .subscribe((e) => {
      if (e.topic !== "duty.grid") return;
      changes++;
      cache.clear();
    })
    .catch(() => {
      watching = null; // the database is away: try again on the next lookup
    });
}

async function gridStamp(brigadeId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ n: number; t: Date | null }[]>`
    SELECT count(*)::int AS n, max(updated_at) AS t FROM grids WHERE brigade_id = ${brigadeId}::uuid`;
  return `${row.n}:${row.t?.toISOString() ?? ""}`;
}

/**
 * The cached index while it is trusted without asking the database (see above), else
 * undefined: for callers placing many rows, which skip an await per row this way.
 */
export function freshGridIndex(brigadeId: string): GridIndex | undefined {
  const hit = cache.get(brigadeId);
  if (!hit) return undefined;
  const listener = eventListener();
  const notified = listener.connected && hit.generation === listener.generation;
  return Date.now() - hit.checkedAt < (notified ? 60_000 : 1_000) ? hit.index : undefined;
}

export async function cachedGridIndex(brigadeId: string): Promise<GridIndex> {
  watchGridChanges();
  const fresh = freshGridIndex(brigadeId);
  if (fresh) return fresh;
  const listener = eventListener();
  // Read before the stamp: a reconnect while loading makes the next lookup re-check.
  const generation = listener.generation;
  const seen = changes;
  const hit = cache.get(brigadeId);
  const now = Date.now();
  const stamp = await gridStamp(brigadeId);
  if (hit && hit.stamp === stamp) {
    hit.checkedAt = now;
    hit.generation = generation;
    return hit.index;
  }
  const index = await loadGridIndex(brigadeId);
  if (changes === seen) cache.set(brigadeId, { index, stamp, checkedAt: now, generation });
  return index;
}

/** The grid of one record's location (null without a location or outside every grid). */
export async function gridIdAt({
  brigadeId,
  lng,
  lat,
}: {
  brigadeId: string;
  lng: number | null | undefined;
  lat: number | null | undefined;
}): Promise<string | null> {
  if (lat == null || lng == null) return null;
  return (await cachedGridIndex(brigadeId)).at(lng, lat);
}

export interface ReassignOptions {
  brigadeId: string;
  /** Only records located in this bbox (the old and new extent of the changed grids)… */
  bbox?: readonly number[] | null;
  /** …or currently assigned to one of these grids. Without either: every record. */
  gridIds?: string[];
  chunkSize?: number;
}

export interface ReassignResult {
  violations: { scanned: number; changed: number };
  accidents: { scanned: number; changed: number };
  incidents: { scanned: number; changed: number };
  ms: number;
}

const LOCK_NAMESPACE = 7262026;
const TABLES = ["violations", "accidents", "incidents"] as const;

export async function reassignGrids(opts: ReassignOptions): Promise<ReassignResult> {
  const t0 = Date.now();
  const client = await pgPool().connect();
  const result: ReassignResult = {
    violations: { scanned: 0, changed: 0 },
    accidents: { scanned: 0, changed: 0 },
    incidents: { scanned: 0, changed: 0 },
    ms: 0,
  };
  try {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_NAMESPACE, opts.brigadeId]);
    try {
      // Loaded under the lock: a later edit waits, then sees this one's grids too.
      const index = await loadGridIndex(opts.brigadeId);
      for (const table of TABLES) result[table] = await reassignTable(client, table, index, opts);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, opts.brigadeId]);
    }
  } finally {
    client.release();
  }
  result.ms = Date.now() - t0;
  log.info({ brigadeId: opts.brigadeId, ...result }, "grid reassignment");
  return result;
}

async function reassignTable(
  client: pg.PoolClient,
  table: (typeof TABLES)[number],
  index: GridIndex,
  opts: ReassignOptions,
) {
  const chunk = opts.chunkSize ?? 20_000;
  const b = opts.bbox && opts.bbox.length === 4 ? opts.bbox : null;
  const gridIds = opts.gridIds ?? [];
  // Table names come from the constant list above, never from input.
  const select = `
    SELECT id, lat, lng, grid_id FROM ${table}
     WHERE brigade_id = $1 AND id > $2
       AND ($3::boolean OR (lat BETWEEN $4 AND $5 AND lng BETWEEN $6 AND $7) OR grid_id = ANY($8::uuid[]))
     ORDER BY id LIMIT $9`;
  const update = `
    UPDATE ${table} t SET grid_id = u.grid_id
      FROM unnest($1::uuid[], $2::uuid[]) AS u(id, grid_id)
     WHERE t.id = u.id AND t.grid_id IS DISTINCT FROM u.grid_id`;
  let last = "00000000-0000-0000-0000-000000000000";
  let scanned = 0;
  let changed = 0;
  for (;;) {
    const { rows } = await client.query<{ id: string; lat: number | null; lng: number | null; grid_id: string | null }>(
      select,
      [
        opts.brigadeId,
        last,
        !b && gridIds.length === 0,
        b?.[1] ?? 0,
        b?.[3] ?? 0,
        b?.[0] ?? 0,
        b?.[2] ?? 0,
        gridIds,
        chunk,
      ],
    );
    if (rows.length === 0) break;
    const ids: string[] = [];
    const grids: (string | null)[] = [];
    for (const r of rows) {
      const g = r.lat == null || r.lng == null ? null : index.at(r.lng, r.lat);
      if (g !== r.grid_id) {
        ids.push(r.id);
        grids.push(g);
      }
    }
    if (ids.length) changed += (await client.query(update, [ids, grids])).rowCount ?? 0;
    scanned += rows.length;
    last = rows[rows.length - 1].id;
    if (rows.length < chunk) break;
  }
  return { scanned, changed };
}

/** The union of bboxes (old and new extents of edited grids). */
export function unionBBox(...boxes: (readonly number[] | null | undefined)[]): number[] | null {
  const bs = boxes.filter((b): b is readonly number[] => !!b && b.length === 4);
  if (!bs.length) return null;
  return [
    Math.min(...bs.map((b) => b[0])),
    Math.min(...bs.map((b) => b[1])),
    Math.max(...bs.map((b) => b[2])),
    Math.max(...bs.map((b) => b[3])),
  ];
}
