import "server-only";
import { latLngToCell } from "h3-js";
import { z } from "zod";
import { readDb as db } from "@/lib/db-read";
import { assertCan, can, type Actor, underPath, pathLike } from "@/lib/auth/actor";
import { segmentRisks } from "@/lib/duty/grid-risk";
import type { RiskColour } from "@/lib/duty/risk";
import { BLACK_SPOT_RESOLUTION } from "@/lib/hazards/black-spots";
import { unitInScopeByCode } from "@/lib/units/read-units";
import type { Period } from "./periods";
import type { Position } from "geojson";
import { localDaysRange } from "@/lib/time";

export interface PeriodBlackSpot {
  cell: string;
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
  name: string;
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
           mode() WITHIN GROUP (ORDER BY coalesce(road_name, address)) AS road
      FROM accidents
     WHERE unit_path LIKE ${pathLike(unitPath)} AND occurred_at >= ${range.from}
       AND occurred_at < ${range.to} AND lat IS NOT NULL AND lng IS NOT NULL
     GROUP BY 1, 2`,
  );
  const cells = new Map<string, PeriodBlackSpot & { roadCount: Map<string, number> }>();
  for (const g of rows) {
    const cell = latLngToCell(g.lat, g.lng, BLACK_SPOT_RESOLUTION);
    const c = cells.get(cell) ?? {
      cell,
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
    cells.set(cell, c);
  }
  return [...cells.values()]
    .filter((c) => c.accidents >= 2)
    .sort((a, b) => b.accidents - a.accidents || b.deaths - a.deaths || a.cell.localeCompare(b.cell))
    .slice(0, limit)
    .map(({ roadCount, ...c }) => ({
      ...c,
      roads: [...roadCount.entries()]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 2)
        .map(([r]) => r),
    }));
}

/**
 * Road segments in scope by their current risk score (红黄绿, over each brigade's risk
 * window — the colour the duty officers see on the map), highest first.
 */
export async function topRiskSegments(unitPath: string, limit = 10): Promise<RedSegment[]> {
  const segs = await db.roadSegment.findMany({
    where: { unitPath: underPath(unitPath), grid: { archivedAt: null } },
    select: { id: true, gridId: true, name: true, brigadeId: true, bbox: true, geometry: true },
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
        name: s.name,
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
  const unit = await unitInScopeByCode(actor, unitCode);
  const [blackSpots, segments] = await Promise.all([
    topBlackSpots(unit.path, period),
    can(actor, "grid.view") ? topRiskSegments(unit.path) : Promise.resolve(null),
  ]);
  return { blackSpots, segments };
}

export type Hotspots = Awaited<ReturnType<typeof getHotspots>>;
