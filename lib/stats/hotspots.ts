import "server-only";
import { cellToLatLng, latLngToCell } from "h3-js";
import { z } from "zod";
import { readDb as db } from "@/lib/db-read";
import { assertCan, can, type Actor, underPath, pathLike } from "@/lib/auth/actor";
import { segmentRisks } from "@/lib/duty/grid-risk";
import type { RiskColour } from "@/lib/duty/risk";
import { distanceM } from "@/lib/geo/geometry";
import { BLACK_SPOT_RESOLUTION } from "@/lib/hazards/black-spots";
import { unitInScopeByCode } from "@/lib/units/read-units";
import type { Period } from "./periods";
import type { Position } from "geojson";
import { localDaysRange } from "@/lib/time";

export interface PeriodBlackSpot {
  cell: string;
  /** The grid most of its accidents lie in (null outside any grid). */
  grid: string | null;
  /** The nearest must-reach point (a named place) of the brigade, with distance and direction from the spot. */
  near: { name: string; distanceM: number; bearing: number } | null;
  accidents: number;
  fatal: number;
  deaths: number;
  injured: number;
  /** The most frequent road names (or addresses) of the cell's accidents. */
  roads: string[];
}

export interface RedSegment {
  id: string;
  gridId: string;
  grid: string;
  name: string;
  lengthM: number;
  score: number;
  colour: RiskColour;
  accidents: number;
  violations: number;
}

const spotRow = z.object({
  lat: z.number(),
  lng: z.number(),
  n: z.coerce.number(),
  fatal: z.coerce.number(),
  deaths: z.coerce.number(),
  injured: z.coerce.number(),
  road: z.string().nullable(),
  grid: z.string().nullable(),
});

/**
 * The places where the period's accidents cluster, on the same H3 cells as the black-spot
 * page (so a drill-down finds the same spot), most accidents first. All severities count
 * here: a dashboard asks "where did it happen", the black-spot page asks "what must be
 * fixed" (injury and fatal only). Only located accidents; at least two per cell.
 *
 * PostgreSQL first folds the accidents onto a grid of about 50 m (a province's year is
 * hundreds of thousands of rows; the grid squares are far fewer where accidents cluster),
 * then each square's centre is placed in its H3 cell here. A point within ~25 m of a cell's
 * edge may land in the neighbour: no matter for a ranking.
 */
export async function topBlackSpots(unitPath: string, p: Period, limit = 10): Promise<PeriodBlackSpot[]> {
  const range = localDaysRange(p);
  const rows = z.array(spotRow).parse(
    await db.$queryRaw<unknown[]>`
    SELECT (round(lat * 2000) / 2000)::float8 AS lat, (round(lng * 2000) / 2000)::float8 AS lng, count(*) AS n,
           count(*) FILTER (WHERE deaths > 0) AS fatal, sum(deaths) AS deaths, sum(injured) AS injured,
           mode() WITHIN GROUP (ORDER BY coalesce(road_name, address)) AS road,
           mode() WITHIN GROUP (ORDER BY grid_id)::text AS grid
      FROM accidents
     WHERE unit_path LIKE ${pathLike(unitPath)} AND occurred_at >= ${range.from}
       AND occurred_at < ${range.to} AND lat IS NOT NULL AND lng IS NOT NULL
     GROUP BY 1, 2`,
  );
  const cells = new Map<string, PeriodBlackSpot & { roadCount: Map<string, number>; gridCount: Map<string, number> }>();
  for (const g of rows) {
    const cell = latLngToCell(g.lat, g.lng, BLACK_SPOT_RESOLUTION);
    const c = cells.get(cell) ?? {
      cell,
      grid: null,
      near: null,
      gridCount: new Map<string, number>(),
      accidents: 0,
      fatal: 0,
      deaths: 0,
      injured: 0,
      roads: [],
      roadCount: new Map<string, number>(),
    };
    c.accidents += g.n;
    c.fatal += g.fatal;
    c.deaths += g.deaths;
    c.injured += g.injured;
    if (g.road) c.roadCount.set(g.road, (c.roadCount.get(g.road) ?? 0) + g.n);
    if (g.grid) c.gridCount.set(g.grid, (c.gridCount.get(g.grid) ?? 0) + g.n);
    cells.set(cell, c);
  }
  const top = [...cells.values()]
    .filter((c) => c.accidents >= 2)
    .sort((a, b) => b.accidents - a.accidents || b.deaths - a.deaths || a.cell.localeCompare(b.cell))
    .slice(0, limit);
  // Named so that two spots never read the same: grid, road, and the nearest named place.
  const gridIds = top.map((c) => mostOf(c.gridCount)).filter((x): x is string => !!x);
  const [grids, points] = await Promise.all([
    db.grid.findMany({ where: { id: { in: gridIds } }, select: { id: true, name: true } }),
    db.mustReachPoint.findMany({
      where: { unitPath: underPath(unitPath), archivedAt: null },
      select: { name: true, lat: true, lng: true },
    }),
  ]);
  const gridName = new Map(grids.map((g) => [g.id, g.name]));
  return top.map(({ roadCount, gridCount, ...c }) => {
    const [lat, lng] = cellToLatLng(c.cell);
    return {
      ...c,
      grid: gridName.get(mostOf(gridCount) ?? "") ?? null,
      near: nearestPlace({ lat, lng }, points),
      roads: [...roadCount.entries()]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 2)
        .map(([r]) => r),
    };
  });
}

const mostOf = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

/** The nearest named place within 5 km, with the distance and the compass bearing from it to the spot. */
function nearestPlace(spot: { lat: number; lng: number }, places: { name: string; lat: number; lng: number }[]) {
  let best: { name: string; distanceM: number; bearing: number } | null = null;
  for (const p of places) {
    const d = distanceM(p, spot);
    if (d <= 5_000 && (!best || d < best.distanceM))
      best = { name: p.name, distanceM: Math.round(d), bearing: bearingDeg(p, spot) };
  }
  return best;
}

function bearingDeg(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = Math.PI / 180;
  const y = Math.sin((b.lng - a.lng) * r) * Math.cos(b.lat * r);
  const x =
    Math.cos(a.lat * r) * Math.sin(b.lat * r) -
    Math.sin(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lng - a.lng) * r);
  return (Math.atan2(y, x) / r + 360) % 360;
}

/**
 * Road segments in scope by their current risk score (红黄绿, over each brigade's risk
 * window — the colour the duty officers see on the map), highest first.
 */
export async function topRiskSegments(unitPath: string, limit = 10): Promise<RedSegment[]> {
  const segs = await db.roadSegment.findMany({
    where: { unitPath: underPath(unitPath), grid: { archivedAt: null } },
    select: {
      id: true,
      gridId: true,
      name: true,
      lengthM: true,
      brigadeId: true,
      bbox: true,
      geometry: true,
      grid: { select: { name: true } },
    },
  });
  if (segs.length === 0) return [];
  const risks = await segmentRisks(
    segs.map((s) => ({ ...s, geometry: s.geometry as unknown as { coordinates: Position[] } })),
  );
  return segs
    .map((s) => {
      const r = risks.get(s.id)!;
      return {
        id: s.id,
        gridId: s.gridId,
        grid: s.grid.name,
        name: s.name,
        lengthM: s.lengthM,
        score: r.score,
        colour: r.colour,
        accidents: r.fatal + r.injury + r.property,
        violations: r.serious + r.other,
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/**
 * The dashboard's "where" panel: black spots of the period, and red segments for those
 * who may see grids. Scope checked like the dashboard itself.
 */
export async function getHotspots({ actor, unitCode, period }: { actor: Actor; unitCode: string; period: Period }) {
  assertCan(actor, "dashboard.view");
  const unit = await unitInScopeByCode({ actor, code: unitCode });
  const [blackSpots, segments] = await Promise.all([
    topBlackSpots(unit.path, period),
    can(actor, "grid.view") ? topRiskSegments(unit.path) : Promise.resolve(null),
  ]);
  return { blackSpots, segments };
}

export type Hotspots = Awaited<ReturnType<typeof getHotspots>>;
