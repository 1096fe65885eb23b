import "server-only";
import { db } from "@/lib/db";
import { underPath, type Actor } from "@/lib/auth/actor";
import type { Area } from "@/lib/geo/geometry";
import { centroidOf } from "@/lib/geo/plane";
import type { Position } from "geojson";
import type { NamedPlace } from "./place-geo";

/**
 * The named places in the actor's scope the intake form offers: must-reach points, road
 * segments (with their line, for kilometre markers) and grids (their centre). A county has
 * tens of them, so the desk gets them all once and matches in the browser.
 */
export async function listPlaces({ actor }: { actor: Actor }): Promise<NamedPlace[]> {
  const scope = underPath(actor.unitPath);
  const [grids, segments, points] = await Promise.all([
    db.grid.findMany({
      where: { unitPath: scope, archivedAt: null },
      select: { id: true, name: true, geometry: true, unitId: true },
    }),
    db.roadSegment.findMany({
      where: { unitPath: scope, grid: { archivedAt: null } },
      select: { id: true, name: true, geometry: true, grid: { select: { name: true } } },
    }),
    db.mustReachPoint.findMany({
      where: { unitPath: scope, archivedAt: null, grid: { archivedAt: null } },
      select: { id: true, name: true, lat: true, lng: true, grid: { select: { name: true } } },
    }),
  ]);
  const units = new Map(
    (
      await db.unit.findMany({
        where: { id: { in: [...new Set(grids.map((g) => g.unitId))] } },
        select: { id: true, nameZh: true },
      })
    ).map((u) => [u.id, u.nameZh]),
  );
  return [
    ...points.map((p) => ({
      kind: "point" as const,
      id: p.id,
      name: p.name,
      context: p.grid.name,
      lat: p.lat,
      lng: p.lng,
    })),
    ...segments.map((s) => {
      const line = (s.geometry as unknown as { coordinates: Position[] }).coordinates;
      const mid = line[Math.floor(line.length / 2)];
      return { kind: "segment" as const, id: s.id, name: s.name, context: s.grid.name, lat: mid[1], lng: mid[0], line };
    }),
    ...grids.map((g) => {
      const [lng, lat] = centroidOf(g.geometry as unknown as Area);
      return { kind: "grid" as const, id: g.id, name: g.name, context: units.get(g.unitId) ?? "", lat, lng };
    }),
  ];
}
