import "server-only";
/**
 * Black spot → measure → effect (黑点治理成效, docs/incidents.md#black-spot-measures): a
 * commander records what was done at a black spot (an H3 cell of resolution 8) and from
 * which day; the black spot's page then shows, for equal windows before and after that day,
 * the accidents, injury accidents, injured and deaths in the cell and the beat-hours deployed
 * there — per 30 days, counted from the records, never typed in.
 */
import { cellToBoundary, cellToLatLng, getResolution, isValidCell, latLngToCell } from "h3-js";
import { assertCan, can, pathLike, underPath, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";
import { AppError } from "@/lib/errors";
import type { Area } from "@/lib/geo/geometry";
import { pointInArea } from "@/lib/geo/plane";
import { addDays, localDate, localDayStart } from "@/lib/time";
import { brigadeOf } from "@/lib/units/brigade";
import { resolveUnitAtPoint } from "@/lib/units/resolve-unit-at-point";
import { BLACK_SPOT_RESOLUTION } from "./black-spots";
import type { BlackSpotMeasureInput } from "./schemas";

/** The longest window compared on each side of a measure's start. */
export const MAX_EFFECT_DAYS = 365;

function checkCell(cell: string) {
  if (!isValidCell(cell) || getResolution(cell) !== BLACK_SPOT_RESOLUTION)
    throw new AppError("INVALID", "invalid input", { fields: [{ path: "cell", message: "validation.invalid" }] });
}

/** [minLng, minLat, maxLng, maxLat] of a cell, to pre-filter rows by index before the exact cell test. */
function cellBox(cell: string): [number, number, number, number] {
  const pts = cellToBoundary(cell);
  const lats = pts.map((p) => p[0]);
  const lngs = pts.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

interface CellAccident {
  id: string;
  occurredAt: Date;
  severity: string;
  injured: number;
  deaths: number;
  unitId: string;
  unitPath: string;
}

/** The accidents in scope whose location falls in the cell, in [from, to). */
async function accidentsInCell(actor: Actor, cell: string, from: Date, to: Date): Promise<CellAccident[]> {
  const [minLng, minLat, maxLng, maxLat] = cellBox(cell);
  const rows = await readDb.accident.findMany({
    where: {
      unitPath: underPath(actor.unitPath),
      occurredAt: { gte: from, lt: to },
      lat: { gte: minLat, lte: maxLat },
      lng: { gte: minLng, lte: maxLng },
    },
    select: {
      id: true,
      occurredAt: true,
      severity: true,
      injured: true,
      deaths: true,
      unitId: true,
      unitPath: true,
      lat: true,
      lng: true,
    },
    orderBy: { occurredAt: "desc" },
  });
  return rows
    .filter((a) => latLngToCell(a.lat!, a.lng!, BLACK_SPOT_RESOLUTION) === cell)
    .map(({ lat: _lat, lng: _lng, ...a }) => a);
}

/** The grids in scope whose area holds the cell's centre (the beats deployed "there"). */
async function gridsAtCell(actor: Actor, cell: string): Promise<string[]> {
  const [lat, lng] = cellToLatLng(cell);
  const grids = await readDb.$queryRaw<{ id: string; geometry: Area }[]>`
    SELECT id, geometry FROM grids
     WHERE unit_path LIKE ${pathLike(actor.unitPath)}
       AND cardinality(bbox) = 4 AND bbox[1] <= ${lng} AND bbox[3] >= ${lng} AND bbox[2] <= ${lat} AND bbox[4] >= ${lat}`;
  return grids.filter((g) => pointInArea(g.geometry, lng, lat)).map((g) => g.id);
}

/** Hours of the grids' (not cancelled) beats inside [from, to). */
async function beatHours(gridIds: string[], from: Date, to: Date): Promise<number> {
  if (!gridIds.length) return 0;
  const [row] = await readDb.$queryRaw<{ h: number }[]>`
    SELECT coalesce(sum(extract(epoch FROM least(ends_at, ${to}) - greatest(starts_at, ${from}))) / 3600, 0)::float8 AS h
      FROM beats
     WHERE grid_id = ANY(${gridIds}::uuid[]) AND cancelled_at IS NULL AND starts_at < ${to} AND ends_at > ${from}`;
  return row.h;
}

export interface EffectWindow {
  /** First and last local day of the window (inclusive). */
  from: string;
  to: string;
  accidents: number;
  injuryAccidents: number;
  injured: number;
  deaths: number;
  beatHours: number;
  /** The same figures per 30 days (two decimals). */
  per30: { accidents: number; injuryAccidents: number; injured: number; deaths: number; beatHours: number };
}

export interface MeasureEffect {
  days: number;
  before: EffectWindow;
  after: EffectWindow;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The effect of a measure started on `startsOn`: the `days` full days from it up to
 * yesterday (at most a year) against the same number of days just before it. Null when it
 * started today or later.
 */
export async function measureEffect({
  actor,
  input,
}: {
  actor: Actor;
  input: { cell: string; startsOn: string; today?: string };
}): Promise<MeasureEffect | null> {
  checkCell(input.cell);
  const today = input.today ?? localDate(new Date());
  const elapsed = Math.round((Date.parse(today) - Date.parse(input.startsOn)) / 86400_000);
  const days = Math.min(elapsed, MAX_EFFECT_DAYS);
  if (days < 1) return null;
  const start = input.startsOn;
  const windows = [
    { from: addDays(start, -days), to: addDays(start, -1) },
    { from: start, to: addDays(start, days - 1) },
  ];
  const lo = localDayStart(windows[0].from);
  const hi = localDayStart(addDays(windows[1].to, 1));
  const [accidents, grids] = await Promise.all([
    accidentsInCell(actor, input.cell, lo, hi),
    gridsAtCell(actor, input.cell),
  ]);
  const [before, after] = await Promise.all(
    windows.map(async (w): Promise<EffectWindow> => {
      const from = localDayStart(w.from);
      const to = localDayStart(addDays(w.to, 1));
      const inW = accidents.filter((a) => a.occurredAt >= from && a.occurredAt < to);
      const figures = {
        accidents: inW.length,
        injuryAccidents: inW.filter((a) => a.severity === "injury" || a.severity === "fatal").length,
        injured: inW.reduce((s, a) => s + a.injured, 0),
        deaths: inW.reduce((s, a) => s + a.deaths, 0),
        beatHours: r2(await beatHours(grids, from, to)),
      };
      const per = (x: number) => r2((x * 30) / days);
      return {
        ...w,
        ...figures,
        per30: {
          accidents: per(figures.accidents),
          injuryAccidents: per(figures.injuryAccidents),
          injured: per(figures.injured),
          deaths: per(figures.deaths),
          beatHours: per(figures.beatHours),
        },
      };
    }),
  );
  return { days, before, after };
}

/**
 * A black spot's page: where it is, its accidents of the last 12 months, and its measures
 * (newest first), each with its effect. 404 when nothing of the cell lies in the actor's
 * scope (no accident, no measure, no unit there).
 */
export async function blackSpotDetail({ actor, input }: { actor: Actor; input: { cell: string; today?: string } }) {
  assertCan(actor, "hazard.view");
  checkCell(input.cell);
  const today = input.today ?? localDate(new Date());
  const [lat, lng] = cellToLatLng(input.cell);
  const [recent, measures, unit] = await Promise.all([
    accidentsInCell(actor, input.cell, localDayStart(addDays(today, -365)), localDayStart(addDays(today, 1))),
    readDb.blackSpotMeasure.findMany({
      where: { cell: input.cell, unitPath: underPath(actor.unitPath) },
      orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    }),
    resolveUnitAtPoint({ actor, input: { lng, lat } }),
  ]);
  if (!recent.length && !measures.length && !unit) throw new AppError("NOT_FOUND", "black spot not found");
  const ids = [...new Set(measures.flatMap((m) => [m.createdById, m.hazardId, m.pointId]).filter(Boolean))] as string[];
  const [people, hazards, points, cellHazards] = await Promise.all([
    readDb.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }),
    readDb.hazard.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
    readDb.mustReachPoint.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    readDb.hazard.findMany({
      where: { blackSpotCell: input.cell, unitPath: underPath(actor.unitPath) },
      select: { id: true, title: true, status: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const name = new Map<string, string>([
    ...people.map((p) => [p.id, p.displayName] as [string, string]),
    ...hazards.map((h) => [h.id, h.title] as [string, string]),
    ...points.map((p) => [p.id, p.name] as [string, string]),
  ]);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    cell: input.cell,
    lat,
    lng,
    canMeasure: can(actor, "blackspot.measure"),
    recent: {
      accidents: recent.length,
      injuryAccidents: recent.filter((a) => a.severity === "injury" || a.severity === "fatal").length,
      injured: recent.reduce((s, a) => s + a.injured, 0),
      deaths: recent.reduce((s, a) => s + a.deaths, 0),
      items: recent.slice(0, 20).map(({ id, occurredAt, severity, injured, deaths }) => ({
        id,
        occurredAt,
        severity,
        injured,
        deaths,
      })),
    },
    hazards: cellHazards,
    measures: await Promise.all(
      measures.map(async (m) => ({
        id: m.id,
        kind: m.kind,
        description: m.description,
        startsOn: iso(m.startsOn),
        hazard: m.hazardId ? { id: m.hazardId, title: name.get(m.hazardId) ?? "—" } : null,
        point: m.pointId ? { id: m.pointId, name: name.get(m.pointId) ?? "—" } : null,
        createdBy: m.createdById ? (name.get(m.createdById) ?? null) : null,
        effect: await measureEffect({ actor, input: { cell: input.cell, startsOn: iso(m.startsOn), today } }),
      })),
    ),
  };
}
export type BlackSpotDetail = Awaited<ReturnType<typeof blackSpotDetail>>;

/**
 * Records a measure at a black spot in scope (blackspot.measure), audited. Its unit is the
 * deepest unit in scope at the cell's centre, else that of the cell's latest accident. A
 * hazard or must-reach point named must be in scope.
 */
export async function recordBlackSpotMeasure({ actor, input }: { actor: Actor; input: BlackSpotMeasureInput }) {
  assertCan(actor, "blackspot.measure");
  checkCell(input.cell);
  const [lat, lng] = cellToLatLng(input.cell);
  const today = localDate(new Date());
  let unit: { id: string; path: string; kind: string } | null = await resolveUnitAtPoint({
    actor,
    input: { lng, lat },
  });
  if (!unit || (unit.kind !== "BRIGADE" && unit.kind !== "SQUAD")) {
    const [latest] = await accidentsInCell(
      actor,
      input.cell,
      localDayStart(addDays(today, -3 * 365)),
      localDayStart(addDays(today, 1)),
    );
    const u = latest ? await db.unit.findUnique({ where: { id: latest.unitId } }) : null;
    unit = u ? { id: u.id, path: u.path, kind: u.kind } : null;
  }
  if (!unit) throw new AppError("NOT_FOUND", "black spot not found");
  const scope = underPath(actor.unitPath);
  const bad = (path: string) =>
    new AppError("INVALID", "invalid input", { fields: [{ path, message: "validation.invalid" }] });
  if (input.hazardId && !(await db.hazard.count({ where: { id: input.hazardId, unitPath: scope } })))
    throw bad("hazardId");
  if (input.pointId && !(await db.mustReachPoint.count({ where: { id: input.pointId, unitPath: scope } })))
    throw bad("pointId");
  const brigade = await brigadeOf(unit);
  return db.$transaction(async (tx) => {
    const row = await tx.blackSpotMeasure.create({
      data: {
        cell: input.cell,
        unitId: unit.id,
        unitPath: unit.path,
        brigadeId: brigade.id,
        kind: input.kind,
        description: input.description,
        startsOn: input.startsOn,
        hazardId: input.hazardId ?? null,
        pointId: input.pointId ?? null,
        createdById: actor.userId ?? null,
      },
    });
    await writeAudit(tx, actor, {
      action: "blackspot.measure",
      entity: "black_spot_measure",
      entityId: row.id,
      after: row,
      unitId: row.unitId,
      unitPath: row.unitPath,
    });
    return row;
  });
}
