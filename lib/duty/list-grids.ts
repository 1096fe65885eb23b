import "server-only";
import { db } from "@/lib/db";
import { assertInScope, can, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Area } from "@/lib/geo/geometry";
import { accidentsLast12Months, gridRisks, segmentRisks } from "./grid-risk";
import type { Risk } from "./risk";

import { suggestStaffing, type GridFactors, type Staffing } from "./staffing";
import type { Position } from "geojson";
import { scopePathFor } from "@/lib/units/read-units";

function assertMayView(actor: Actor) {
  if (!can(actor, "grid.view") && !can(actor, "map.view"))
    throw new AppError("FORBIDDEN", "missing permission grid.view");
}

/**
 * A grid's own sizing factors, as listed with it and as they go into the staffing
 * suggestion (with its accidents in the last 12 months).
 */
function sizingFactors(g: Omit<GridFactors, "accidents12m">): Omit<GridFactors, "accidents12m"> {
  return { drivers: g.drivers, roadKm: g.roadKm, difficulty: g.difficulty, availablePolice: g.availablePolice };
}

export interface GridSummary {
  id: string;
  name: string;
  kind: string;
  unit: { code: string; nameZh: string; nameEn: string };
  brigadeId: string;
  bbox: number[];
  geometry?: Area;
  drivers: number | null;
  roadKm: number | null;
  difficulty: number;
  availablePolice: number | null;
  demo: boolean;
  notes: string | null;
  accidents12m: number;
  staffing: Staffing;
  risk: Risk;
  segmentCount: number;
  pointCount: number;
}

export interface SegmentSummary {
  id: string;
  gridId: string;
  name: string;
  geometry: { type: "LineString"; coordinates: Position[] };
  lengthM: number;
  roadChief: { id: string; name: string } | null;
  risk: Risk;
}

export interface PointSummary {
  id: string;
  gridId: string;
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
  timeWindows: { from: string; to: string }[];
}

/**
 * Active grids under a unit (default: the actor's), with risk colour, the counts behind
 * it, the sizing factors and the staffing they suggest. Optionally geometry, segments
 * (with their own risk) and must-reach points, for the map.
 */
export async function listGrids({
  actor,
  input = {},
}: {
  actor: Actor;
  input?: { unit?: string; withGeometry?: boolean; withFeatures?: boolean };
}) {
  assertMayView(actor);
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const rows = await db.grid.findMany({
    where: { unitPath: underPath(path), archivedAt: null },
    orderBy: [{ unitPath: "asc" }, { name: "asc" }],
    include: { _count: { select: { segments: true, points: { where: { archivedAt: null } } } } },
  });
  const units = await db.unit.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.unitId))] } },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
  const unitById = new Map(units.map((u) => [u.id, { code: u.code, nameZh: u.nameZh, nameEn: u.nameEn }]));
  const [risks, acc12] = await Promise.all([gridRisks(rows), accidentsLast12Months(rows.map((r) => r.id))]);

  const items: GridSummary[] = rows.map((g) => {
    const accidents12m = acc12.get(g.id) ?? 0;
    return {
      id: g.id,
      name: g.name,
      kind: g.kind,
      unit: unitById.get(g.unitId)!,
      brigadeId: g.brigadeId,
      bbox: g.bbox,
      ...(input.withGeometry ? { geometry: g.geometry as unknown as Area } : {}),
      ...sizingFactors(g),
      demo: g.demo,
      notes: g.notes,
      accidents12m,
      staffing: suggestStaffing({ ...sizingFactors(g), accidents12m }),
      risk: risks.get(g.id)!,
      segmentCount: g._count.segments,
      pointCount: g._count.points,
    };
  });
  if (!input.withFeatures) return { items, segments: [] as SegmentSummary[], points: [] as PointSummary[] };
  const ids = rows.map((r) => r.id);
  return { items, ...(await gridFeatures(ids)) };
}

export async function gridFeatures(gridIds: string[]): Promise<{ segments: SegmentSummary[]; points: PointSummary[] }> {
  const [segs, pts] = await Promise.all([
    db.roadSegment.findMany({ where: { gridId: { in: gridIds } }, orderBy: { name: "asc" } }),
    db.mustReachPoint.findMany({ where: { gridId: { in: gridIds }, archivedAt: null }, orderBy: { name: "asc" } }),
  ]);
  const chiefIds = [...new Set(segs.map((s) => s.roadChiefUserId).filter((x): x is string => !!x))];
  const chiefs = new Map(
    (await db.user.findMany({ where: { id: { in: chiefIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const risks = await segmentRisks(
    segs.map((s) => ({
      id: s.id,
      brigadeId: s.brigadeId,
      bbox: s.bbox,
      geometry: s.geometry as unknown as { coordinates: Position[] },
    })),
  );
  return {
    segments: segs.map((s) => ({
      id: s.id,
      gridId: s.gridId,
      name: s.name,
      geometry: s.geometry as unknown as SegmentSummary["geometry"],
      lengthM: s.lengthM,
      roadChief: s.roadChiefUserId ? { id: s.roadChiefUserId, name: chiefs.get(s.roadChiefUserId) ?? "" } : null,
      risk: risks.get(s.id)!,
    })),
    points: pts.map((p) => ({
      id: p.id,
      gridId: p.gridId,
      name: p.name,
      lat: p.lat,
      lng: p.lng,
      radiusM: p.radiusM,
      timeWindows: p.timeWindows as PointSummary["timeWindows"],
    })),
  };
}

/** One grid with its features, for the editor and GET /api/v1/grids/{id}. */
export async function getGrid({ actor, id }: { actor: Actor; id: string }) {
  assertMayView(actor);
  const g = await db.grid.findUnique({ where: { id } });
  if (!g) throw new AppError("NOT_FOUND", "grid not found");
  assertInScope(actor, g.unitPath, "grid");
  const unit = await db.unit.findUniqueOrThrow({
    where: { id: g.unitId },
    select: { code: true, nameZh: true, nameEn: true },
  });
  const [risks, acc12, features] = await Promise.all([
    gridRisks([g]),
    accidentsLast12Months([g.id]),
    gridFeatures([g.id]),
  ]);
  const accidents12m = acc12.get(g.id) ?? 0;
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    unit,
    brigadeId: g.brigadeId,
    bbox: g.bbox,
    geometry: g.geometry as unknown as Area,
    ...sizingFactors(g),
    demo: g.demo,
    notes: g.notes,
    archivedAt: g.archivedAt,
    updatedAt: g.updatedAt,
    accidents12m,
    staffing: suggestStaffing({ ...sizingFactors(g), accidents12m }),
    risk: risks.get(g.id)!,
    ...features,
  };
}
