import "server-only";
/**
 * Plan vs actual from the tracks: per beat, whether the lead officer reached each
 * must-reach point (radius, minimum dwell) and the share of the shift inside the grid;
 * per squad and day, the coverage summary.
 */
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { localDayStart, addDays } from "@/lib/time";
import { beatInclude, toBeatDtos, type BeatDto } from "./beat-dto";
import type { Area } from "@/lib/geo/geometry";
import { beatActual, type BeatActual, type Fix, type PlannedPoint } from "./plan-actual";
import { settingsFor } from "./settings";
import { dutyUnitByCode } from "./scope";

export interface BeatWithActual {
  beat: BeatDto;
  /** null when the beat has no lead officer (nobody whose track to check) */
  actual: BeatActual | null;
}

async function actualsFor(actor: Actor, beatIds: string[]): Promise<BeatWithActual[]> {
  const rows = await db.beat.findMany({
    where: { id: { in: beatIds } },
    include: { ...beatInclude, grid: { select: { name: true, geometry: true } }, points: { select: { point: true } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  if (!rows.length) return [];
  const dtos = await toBeatDtos({
    actor,
    rows: rows.map((r) => ({ ...r, points: r.points.map((p) => ({ point: { id: p.point.id, name: p.point.name } })) })),
  });
  const leads = [
    ...new Set(rows.map((r) => r.members.find((m) => m.role === "lead")?.userId).filter((x): x is string => !!x)),
  ];
  const from = new Date(Math.min(...rows.map((r) => r.startsAt.getTime())));
  const to = new Date(Math.max(...rows.map((r) => r.endsAt.getTime())));
  const fixes = leads.length
    ? await db.$queryRaw<{ user_id: string; occurred_at: Date; lat: number; lng: number; accuracy_m: number | null }[]>`
        SELECT user_id, occurred_at, lat, lng, accuracy_m FROM positions
         WHERE user_id = ANY(${leads}::uuid[]) AND occurred_at >= ${from} AND occurred_at <= ${to}
         ORDER BY occurred_at`
    : [];
  const byUser = new Map<string, Fix[]>();
  for (const f of fixes)
    byUser.set(f.user_id, [
      ...(byUser.get(f.user_id) ?? []),
      { at: f.occurred_at.getTime(), lat: f.lat, lng: f.lng, accuracyM: f.accuracy_m },
    ]);
  const checkIns = await db.pointCheckIn.findMany({
    where: { beatId: { in: rows.map((r) => r.id) } },
    select: { beatId: true, pointId: true, occurredAt: true },
  });
  const settings = await settingsFor([...new Set(rows.map((r) => r.brigadeId))]);
  return rows.map((r, i) => {
    const lead = r.members.find((m) => m.role === "lead")?.userId;
    if (!lead) return { beat: dtos[i], actual: null };
    const points: PlannedPoint[] = r.points.map(({ point: p }) => ({
      id: p.id,
      name: p.name,
      lat: p.lat,
      lng: p.lng,
      radiusM: p.radiusM,
      timeWindows: p.timeWindows as PlannedPoint["timeWindows"],
    }));
    const actual = beatActual(
      { startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime(), grid: r.grid.geometry as unknown as Area, points },
      byUser.get(lead) ?? [],
      { minDwellS: settings.get(r.brigadeId)!.minDwellS },
      checkIns.filter((c) => c.beatId === r.id).map((c) => ({ pointId: c.pointId, at: c.occurredAt.getTime() })),
    );
    return { beat: dtos[i], actual };
  });
}

export async function beatPlanVsActual({ actor, beatId }: { actor: Actor; beatId: string }): Promise<BeatWithActual> {
  assertCan(actor, "beat.view");
  const b = await db.beat.findUnique({ where: { id: beatId }, select: { unitPath: true } });
  if (!b) throw new AppError("NOT_FOUND", "beat not found");
  assertInScope(actor, b.unitPath, "beat");
  return (await actualsFor(actor, [beatId]))[0];
}

export interface SquadCoverage {
  unit: { code: string; nameZh: string; nameEn: string };
  beats: number;
  withLead: number;
  pointsPlanned: number;
  pointsReached: number;
  /** mean share of shift inside the grid over beats with a lead, 0..1 (null without such beats) */
  insideShare: number | null;
  gridsTotal: number;
  gridsCovered: number;
}

/** Daily coverage of a squad (or each squad of a brigade) for one local day. */
export async function dailyCoverage({ actor, input }: { actor: Actor; input: { unitCode: string; day: string } }) {
  assertCan(actor, "beat.view");
  const unit = await dutyUnitByCode({ actor, code: input.unitCode });
  const from = localDayStart(input.day);
  const to = localDayStart(addDays(input.day, 1));
  const beats = await db.beat.findMany({
    where: { unitPath: underPath(unit.path), cancelledAt: null, startsAt: { gte: from, lt: to } },
    select: { id: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const items = await actualsFor(
    actor,
    beats.map((b) => b.id),
  );
  const squads = await db.unit.findMany({
    where: { path: underPath(unit.path), kind: "SQUAD" },
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  const grids = await db.grid.findMany({
    where: { unitPath: underPath(unit.path), archivedAt: null },
    select: { id: true, unitId: true },
  });
  const beatRows = await db.beat.findMany({
    where: { id: { in: beats.map((b) => b.id) } },
    select: { id: true, unitId: true, gridId: true },
  });
  const summary: SquadCoverage[] = squads.map((s) => {
    const mine = items.filter((it) => beatRows.find((b) => b.id === it.beat.id)?.unitId === s.id);
    const withLead = mine.filter((m) => m.actual);
    const squadGrids = grids.filter((g) => g.unitId === s.id);
    return {
      unit: { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn },
      beats: mine.length,
      withLead: withLead.length,
      pointsPlanned: withLead.reduce((n, m) => n + m.actual!.points.length, 0),
      pointsReached: withLead.reduce((n, m) => n + m.actual!.points.filter((p) => p.reached).length, 0),
      insideShare: withLead.length ? withLead.reduce((n, m) => n + m.actual!.insideShare, 0) / withLead.length : null,
      gridsTotal: squadGrids.length,
      gridsCovered: new Set(beatRows.filter((b) => b.unitId === s.id).map((b) => b.gridId)).size,
    };
  });
  return {
    day: input.day,
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
    squads: summary,
    beats: items,
  };
}
