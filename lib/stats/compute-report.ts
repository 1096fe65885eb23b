import "server-only";
import { readDb as db } from "@/lib/db-read";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { unitInScopeByCode } from "@/lib/units/read-units";
import { addDays, localDayStart } from "@/lib/time";
import { isWholeYear, previousYear, type Period } from "./periods";
import { supervisionFigures } from "@/lib/keyvehicles/supervision";
import { accidentTotalsFor, smallCountsFor, violationTotalsFor, windowTotalsFor } from "./rollup-reads";
import { daysWithData, isCovered } from "./coverage";
import { compare as compareWith } from "./yoy";
import { reportPeriod, type ReportInput } from "./schemas";

// The input schema lives in ./schemas (pure, usable by pages and tests); re-exported for callers.
export { reportInputSchema, reportPeriod, type ReportInput } from "./schemas";
import { incidentFigures } from "@/lib/incidents/stats";

async function countOperations(path: string, p: Period) {
  const from = localDayStart(p.from);
  const to = localDayStart(addDays(p.to, 1));
  const rows = await db.operation.groupBy({
    by: ["kind"],
    where: { unitPath: underPath(path), startsAt: { gte: from, lt: to } },
    _count: { _all: true },
  });
  const n = (k: string) => rows.find((r) => r.kind === k)?._count._all ?? 0;
  return { specialCampaigns: n("campaign"), securityEscortTasks: n("escort") };
}

/**
 * The unit a report is of, in the actor's scope (404 otherwise), with its parent's name: what
 * the report page's heading shows at once, before the figures are computed.
 */
export async function reportUnit({ actor, code }: { actor: Actor; code: string }) {
  const unit = await unitInScopeByCode({ actor, code });
  const full = await db.unit.findUniqueOrThrow({
    where: { id: unit.id },
    select: { code: true, nameZh: true, nameEn: true, kind: true, parent: { select: { nameZh: true, nameEn: true } } },
  });
  return {
    id: unit.id,
    path: unit.path,
    code: full.code,
    zh: full.nameZh,
    en: full.nameEn,
    kind: full.kind,
    parent: full.parent?.nameZh ?? null,
    parentEn: full.parent?.nameEn ?? null,
  };
}
export type ReportUnit = Awaited<ReturnType<typeof reportUnit>>;

/**
 * The statistics report of a unit (and everything below it) for a period, computed
 * from the records — for any unit and any period. The JSON uses the keys and nesting of
 * the published figures (../shared/data/report-*.json), plus everything else shown.
 */
export async function computeReport({
  actor,
  input,
  unit: known,
}: {
  actor: Actor;
  input: ReportInput;
  /** The report's unit when the caller read it already (reportUnit, same actor and code): not read again. */
  unit?: ReportUnit;
}) {
  assertCan(actor, "report.view");
  const unit = known ?? (await reportUnit({ actor, code: input.unitCode }));
  const period = reportPeriod(input);
  if (period.to < period.from) throw new AppError("INVALID", "period ends before it starts");
  const prev = previousYear(period);
  const year = isWholeYear(period) ?? Number(period.to.slice(0, 4));

  const [v, vPrev, a, aPrev, ops, profile, profilePrev, types, w, wPrev, small, kv, squads, incidents] =
    await Promise.all([
      violationTotalsFor(unit.id, period),
      violationTotalsFor(unit.id, prev),
      accidentTotalsFor(unit.id, period),
      accidentTotalsFor(unit.id, prev),
      countOperations(unit.path, period),
      db.unitProfile.findFirst({ where: { unitId: unit.id, year: { lte: year } }, orderBy: { year: "desc" } }),
      db.unitProfile.findFirst({ where: { unitId: unit.id, year: { lte: year - 1 } }, orderBy: { year: "desc" } }),
      db.violationType.findMany({ select: { key: true }, orderBy: { sortOrder: "asc" } }),
      windowTotalsFor(unit.id, period),
      windowTotalsFor(unit.id, prev),
      smallCountsFor(unit.path, period),
      supervisionFigures(unit.path, localDayStart(period.from), localDayStart(addDays(period.to, 1))),
      db.unit.groupBy({
        by: ["squadKind"],
        where: { path: underPath(unit.path), kind: "SQUAD" },
        _count: { _all: true },
      }),
      incidentFigures({ unitPath: unit.path, period }),
    ]);
  // A previous period without data is "no data" (null), never a year of zeros.
  const prevCovered = isCovered(await daysWithData(unit.id, prev), prev);
  const compare = (value: number, before: number) => compareWith(value, prevCovered ? before : null);
  const categories = await db.windowBusiness.findMany({ select: { categoryKey: true }, distinct: ["categoryKey"] });
  const pct = (x: number, y: number) => (y ? Math.round((x / y) * 10_000) / 100 : null);
  const rated = w.satisfied + w.basic + w.dissatisfied;

  const per10k = (deaths: number, vehicles: number | null | undefined) =>
    vehicles ? Math.round((deaths / vehicles) * 10_000 * 100) / 100 : null;
  const byType = Object.fromEntries(types.map((t) => [t.key, v.byType[t.key] ?? 0]));
  const ratio = (x?: number | null, y?: number | null) => (x && y ? Math.round((x / y) * 10) / 10 : null);

  return {
    unit: { code: unit.code, zh: unit.zh, en: unit.en, kind: unit.kind, parent: unit.parent, parentEn: unit.parentEn },
    year: isWholeYear(period),
    period,
    previousPeriod: prev,
    previousCovered: prevCovered,
    profile: profile && {
      year: profile.year,
      population: profile.population,
      roadKm: profile.roadKm,
      drivers: profile.drivers,
      vehicles: profile.vehicles,
      police: profile.police,
      auxiliaries: profile.auxiliaries,
      vehiclesPerPolice: ratio(profile.vehicles, profile.police),
      driversPerPolice: ratio(profile.drivers, profile.police),
      roadKmPerPolice: ratio(profile.roadKm, profile.police),
    },
    accidents: {
      total: compare(a.total, aPrev.total),
      fatalAccidents: compare(a.fatal, aPrev.fatal),
      deaths: compare(a.deaths, aPrev.deaths),
      injuryAccidents: compare(a.injury, aPrev.injury),
      injured: compare(a.injured, aPrev.injured),
      majorAccidents: compare(a.major, aPrev.major),
      propertyLossYuan: compare(a.propertyLossYuan, aPrev.propertyLossYuan),
      hitAndRun: compare(a.hitAndRun, aPrev.hitAndRun),
      hitAndRunSolved: compare(a.hitAndRunSolved, aPrev.hitAndRunSolved),
      quickHandled: compare(a.quickHandled, aPrev.quickHandled),
      remoteHandled: compare(a.remoteHandled, aPrev.remoteHandled),
      rescueFund: { cases: a.rescueFundCases, yuan: a.rescueFundYuan },
      deathsPer10kVehicles: {
        value: per10k(a.deaths, profile?.vehicles),
        prev: prevCovered ? per10k(aPrev.deaths, profilePrev?.vehicles) : null,
      },
      byHour: a.byHour,
    },
    violations: {
      total: v.total,
      totalCompared: compare(v.total, vPrev.total),
      serious: compare(v.serious, vPrev.serious),
      byType,
      bySource: v.bySource,
      administrativeDetentions: v.detentions,
      licencesSeized: v.licencesSeized,
      finesYuan: v.finesYuan,
      points: v.points,
    },
    operations: ops,
    organisation: {
      squads: squads.reduce((n, g) => n + g._count._all, 0),
      urbanSquads: squads.find((g) => g.squadKind === "URBAN")?._count._all ?? 0,
      ruralAreaSquads: squads.find((g) => g.squadKind === "RURAL")?._count._all ?? 0,
    },
    window: {
      // Business done (result "done"); returned and refused applications are counted apart.
      total: w.done,
      transactions: w.done,
      totalCompared: compare(w.done, wPrev.done),
      byBusiness: Object.fromEntries(categories.map((c) => [c.categoryKey, w.byCategory[c.categoryKey] ?? 0])),
      byChannel: w.byChannel,
      returned: w.returned,
      refused: w.refused,
      afterHours: w.afterHours,
      feesYuan: w.feesYuan,
      outreachTrips: small.outreachTrips,
      difficultCases: w.difficult,
      difficultCasesSolved: w.difficultResolved,
      policeInsuranceServicePoints: small.servicePoints,
      complaints: small.complaints,
      ratings: {
        satisfied: w.satisfied,
        basic: w.basic,
        dissatisfied: w.dissatisfied,
        satisfactionPct: pct(w.satisfied + w.basic, rated),
      },
      averageWaitMinutes: w.called ? Math.round((w.waitSeconds / w.called / 60) * 10) / 10 : null,
      averageServiceMinutes:
        w.done + w.returned + w.refused
          ? Math.round((w.serviceSeconds / (w.done + w.returned + w.refused) / 60) * 10) / 10
          : null,
    },
    hazards: {
      found: small.hazardsFound,
      closed: small.hazardsClosed,
      closureRatePct: pct(small.hazardsClosed, small.hazardsFound),
      openNow: small.hazardsOpenNow,
    },
    incidents,
    keyVehicles: {
      sourceHazardsRemedied: kv.sourceHazardsRemedied,
      unqualifiedCoachDriversDismissed: kv.driversDismissed,
      offencesProsecuted: kv.offencesProsecuted,
      enterprisesInterviewed: kv.enterprisesInterviewed,
      overdueVehiclesInspected: kv.vehiclesBroughtToInspection,
      noticeLetters: kv.noticeLetters,
      findingsRaised: kv.findingsRaised,
    },
  };
}

export type Report = Awaited<ReturnType<typeof computeReport>>;
