import "server-only";
/**
 * GeoJSON import for the grid editor: Polygon/MultiPolygon features become grids, LineStrings
 * road segments, Points must-reach points. Names are the keys: importing a file again
 * updates what it created instead of duplicating it. Everything is checked first and
 * nothing is written when any feature is wrong (the answer lists each problem).
 *
 * Feature properties: name (required); grids: kind, squad (unit code, when importing
 * for a brigade), drivers, roadKm, difficulty, availablePolice; segments and points:
 * grid (grid name; default: the grid containing the first vertex); points: radiusM.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { bboxOf, zArea, zLineString, zPoint } from "@/lib/geo/geometry";
import { notifyEvent } from "@/lib/realtime/notify";
import { pointInArea, gridGeometryProblems, lineWithin, pointWithin } from "@/lib/geo/plane";
import type { Area } from "@/lib/geo/geometry";
import { areaColumns, auditGridChange, auditImage, inGrid, lineColumns } from "./grid-change";
import { reassignGrids, unionBBox } from "./grid-lookup";
import type { ImportGeoJsonInput } from "./schemas";
import { brigadeOutline, dutyUnitByCode, outlineFor } from "./scope";
import type { Position } from "geojson";

export interface ImportProblem {
  index: number;
  name: string | null;
  message: string;
  details?: Record<string, string>;
}

type Props = Record<string, unknown>;
const str = (p: Props, k: string) =>
  typeof p[k] === "string" && (p[k] as string).trim() ? (p[k] as string).trim() : null;
const num = (p: Props, ...ks: string[]) => {
  for (const k of ks)
    if (p[k] !== undefined && p[k] !== null && p[k] !== "" && Number.isFinite(Number(p[k]))) return Number(p[k]);
  return null;
};

interface GridPlan {
  index: number;
  name: string;
  squad: { id: string; code: string; path: string };
  kind: string;
  geometry: Area;
  drivers: number | null;
  roadKm: number | null;
  difficulty: number;
  availablePolice: number | null;
}
interface SegPlan {
  index: number;
  name: string;
  gridName: string | null;
  squadId: string | null;
  geometry: { type: "LineString"; coordinates: Position[] };
}
interface PointPlan {
  index: number;
  name: string;
  gridName: string | null;
  squadId: string | null;
  lat: number;
  lng: number;
  radiusM: number;
}

export async function importGeoJson({ actor, input }: { actor: Actor; input: ImportGeoJsonInput }) {
  assertCan(actor, "grid.manage");
  const target = await dutyUnitByCode({ actor, code: input.unitCode });
  const squads = await db.unit.findMany({
    where: { path: underPath(target.path), kind: "SQUAD" },
    select: { id: true, code: true, path: true, squadKind: true },
  });
  const problems: ImportProblem[] = [];
  const grids: GridPlan[] = [];
  const segs: SegPlan[] = [];
  const points: PointPlan[] = [];
  const bOutline = await brigadeOutline(target.brigade.id);
  const squadOutlines = new Map<string, Area | null>();

  for (const [index, f] of input.geojson.features.entries()) {
    const p = (f.properties ?? {}) as Props;
    const name = str(p, "name");
    const fail = (message: string, details?: Record<string, string>) =>
      problems.push({ index, name, message, details });
    if (!name || name.length > 100) {
      fail("duty.import.nameRequired");
      continue;
    }
    const g = f.geometry as { type?: string } | null;
    if (g?.type === "Polygon" || g?.type === "MultiPolygon") {
      const parsed = zArea.safeParse(g);
      if (!parsed.success) {
        fail("duty.import.badGeometry");
        continue;
      }
      const code = str(p, "squad") ?? (target.id === target.brigade.id ? null : target.code);
      const squad = squads.find((s) => s.code === code);
      if (!squad) {
        fail("duty.import.squadRequired");
        continue;
      }
      const kind =
        str(p, "kind") ??
        ({ URBAN: "urban", RURAL: "rural", HIGHWAY: "highway" } as Record<string, string>)[squad.squadKind ?? "RURAL"];
      if (!["urban", "rural", "highway"].includes(kind)) {
        fail("duty.import.badKind");
        continue;
      }
      const difficulty = num(p, "difficulty") ?? 3;
      if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5) {
        fail("duty.validation.difficulty");
        continue;
      }
      if (!squadOutlines.has(squad.id))
        squadOutlines.set(squad.id, await outlineFor({ id: squad.id, brigade: { id: target.brigade.id } }));
      const geo = gridGeometryProblems(parsed.data as Area, squadOutlines.get(squad.id)!);
      if (geo.length) {
        fail(`duty.validation.${geo[0]}`);
        continue;
      }
      if (grids.some((x) => x.squad.id === squad.id && x.name === name)) {
        fail("duty.import.duplicateName");
        continue;
      }
      const counts = ["drivers", "availablePolice"].map((k) =>
        num(
          p,
          k,
          k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()),
        ),
      );
      grids.push({
        index,
        name,
        squad,
        kind,
        geometry: parsed.data as Area,
        drivers: counts[0],
        roadKm: num(p, "roadKm", "road_km"),
        difficulty,
        availablePolice: counts[1],
      });
    } else if (g?.type === "LineString") {
      const parsed = zLineString.safeParse(g);
      if (!parsed.success) {
        fail("duty.import.badGeometry");
        continue;
      }
      if (bOutline && !lineWithin(parsed.data.coordinates, bOutline)) {
        fail("duty.validation.outsideOutline");
        continue;
      }
      segs.push({
        index,
        name,
        gridName: str(p, "grid"),
        squadId: squads.find((s) => s.code === str(p, "squad"))?.id ?? null,
        geometry: parsed.data,
      });
    } else if (g?.type === "Point") {
      const parsed = zPoint.safeParse(g);
      if (!parsed.success) {
        fail("duty.import.badGeometry");
        continue;
      }
      const [lng, lat] = parsed.data.coordinates;
      if (bOutline && !pointWithin(bOutline, lng, lat)) {
        fail("duty.validation.outsideOutline");
        continue;
      }
      const radiusM = num(p, "radiusM", "radius_m") ?? 100;
      if (radiusM < 5 || radiusM > 5000) {
        fail("duty.validation.radius");
        continue;
      }
      points.push({
        index,
        name,
        gridName: str(p, "grid"),
        squadId: squads.find((s) => s.code === str(p, "squad"))?.id ?? null,
        lat,
        lng,
        radiusM,
      });
    } else {
      fail("duty.import.unsupportedGeometry", { type: String(g?.type ?? "null") });
    }
  }

  // Segments and points attach to a grid of this import or an existing one, by name or location.
  const existing = await db.grid.findMany({
    where: { unitPath: underPath(target.path), archivedAt: null },
    select: { id: true, name: true, unitId: true, geometry: true, bbox: true },
  });
  const candidates = [
    ...grids.map((g) => ({ key: `new:${g.index}`, name: g.name, unitId: g.squad.id, geometry: g.geometry })),
    ...existing
      // A grid this import replaces (same squad and name) is matched through the import's own feature.
      .filter((e) => !grids.some((g) => g.squad.id === e.unitId && g.name === e.name))
      .map((e) => ({ key: e.id, name: e.name, unitId: e.unitId, geometry: e.geometry as unknown as Area })),
  ];
  const resolve = (
    item: { gridName: string | null; squadId: string | null; index: number; name: string },
    lng: number,
    lat: number,
  ) => {
    const found = item.gridName
      ? candidates.filter((c) => c.name === item.gridName && (!item.squadId || c.unitId === item.squadId))
      : candidates.filter((c) => pointInArea(c.geometry, lng, lat)).slice(0, 1);
    if (found.length !== 1)
      problems.push({
        index: item.index,
        name: item.name,
        message: found.length ? "duty.import.ambiguousGrid" : "duty.import.gridNotFound",
      });
    return found[0]?.key ?? null;
  };
  const segGrid = segs.map((s) => resolve(s, s.geometry.coordinates[0][0], s.geometry.coordinates[0][1]));
  const pointGrid = points.map((p) => resolve(p, p.lng, p.lat));

  const summary = { grids: grids.length, segments: segs.length, points: points.length };
  if (problems.length)
    return { ok: false as const, ...summary, problems: problems.sort((a, b) => a.index - b.index), written: null };
  if (input.dryRun) return { ok: true as const, ...summary, problems: [], written: null };

  const written = await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    const counts = {
      gridsCreated: 0,
      gridsUpdated: 0,
      segmentsCreated: 0,
      segmentsUpdated: 0,
      pointsCreated: 0,
      pointsUpdated: 0,
    };
    const oldBoxes: number[][] = [];
    for (const g of grids) {
      const data = {
        kind: g.kind,
        ...areaColumns(g.geometry),
        drivers: g.drivers,
        roadKm: g.roadKm,
        difficulty: g.difficulty,
        availablePolice: g.availablePolice,
      };
      const prior = await tx.grid.findFirst({ where: { unitId: g.squad.id, name: g.name, archivedAt: null } });
      const row = prior
        ? await tx.grid.update({ where: { id: prior.id }, data })
        : await tx.grid.create({
            data: { ...data, name: g.name, unitId: g.squad.id, unitPath: g.squad.path, brigadeId: target.brigade.id },
          });
      if (prior) oldBoxes.push(prior.bbox);
      counts[prior ? "gridsUpdated" : "gridsCreated"]++;
      ids.set(`new:${g.index}`, row.id);
      await auditGridChange({
        tx,
        actor,
        action: prior ? "grid.update" : "grid.create",
        row,
        after: { ...auditImage(row), import: true },
      });
    }
    const gridRow = async (key: string) => tx.grid.findUniqueOrThrow({ where: { id: ids.get(key) ?? key } });
    for (const [i, s] of segs.entries()) {
      const grid = await gridRow(segGrid[i]!);
      const data = lineColumns(s.geometry);
      const prior = await tx.roadSegment.findFirst({ where: { gridId: grid.id, name: s.name } });
      const row = prior
        ? await tx.roadSegment.update({ where: { id: prior.id }, data })
        : await tx.roadSegment.create({ data: { ...data, name: s.name, ...inGrid(grid) } });
      counts[prior ? "segmentsUpdated" : "segmentsCreated"]++;
      await auditGridChange({
        tx,
        actor,
        action: prior ? "segment.update" : "segment.create",
        row,
        after: { ...auditImage(row), import: true },
      });
    }
    for (const [i, p] of points.entries()) {
      const grid = await gridRow(pointGrid[i]!);
      const prior = await tx.mustReachPoint.findFirst({ where: { gridId: grid.id, name: p.name, archivedAt: null } });
      const data = { lat: p.lat, lng: p.lng, radiusM: p.radiusM };
      const row = prior
        ? await tx.mustReachPoint.update({ where: { id: prior.id }, data })
        : await tx.mustReachPoint.create({ data: { ...data, name: p.name, ...inGrid(grid) } });
      counts[prior ? "pointsUpdated" : "pointsCreated"]++;
      await auditGridChange({
        tx,
        actor,
        action: prior ? "point.update" : "point.create",
        row,
        after: { ...row, import: true },
      });
    }
    await notifyEvent(tx, "duty.grid", target.path, { action: "import" });
    return { counts, bbox: unionBBox(...oldBoxes, ...grids.map((g) => bboxOf(g.geometry))) };
  });
  const reassigned = grids.length ? await reassignGrids({ brigadeId: target.brigade.id, bbox: written.bbox }) : null;
  return { ok: true as const, ...summary, problems: [], written: written.counts, reassigned };
}
