import "server-only";
import { z } from "zod";
import { readDb as db } from "@/lib/db-read";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { unitInScopeByCode } from "@/lib/units/read-units";
import { periodQuerySchema, previousPeriod, previousYear, resolvePeriod, type Period } from "./periods";
import {
  accidentHeatmap,
  accidentTotalsFor,
  childUnitTotals,
  liveDutyCounts,
  monthlySeries,
  smallCountsFor,
  violationTotalsFor,
  windowTotalsFor,
} from "./rollup-reads";
import { daysWithData, isCovered } from "./coverage";
import { yoyPct } from "./yoy";
import { addDays } from "@/lib/time";

export const dashboardQuerySchema = periodQuerySchema.and(z.object({ unit: z.string().max(32).optional() }));
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/**
 * A figure with its 同比 (same period last year) and 环比 (previous period). A comparison
 * period without data (lib/stats/coverage.ts) gives null, shown as "no data", never 0.
 */
export interface Figure {
  value: number;
  lastYear: number | null;
  yoyPct: number | null;
  previous: number | null;
  popPct: number | null;
}

const DRINK = ["drink_driving", "drink_driving_commercial"];

/**
 * The commander's dashboard for a unit in scope (default: the user's own) and a period.
 * Every figure comes from the daily rollups: a handful of index range reads whatever
 * the size of the unit.
 */
export async function getDashboard({ actor, input }: { actor: Actor; input: DashboardQuery }) {
  assertCan(actor, "dashboard.view");
  const unit = await unitInScopeByCode({ actor, code: input.unit ?? actor.unitCode });
  const period = resolvePeriod(input);
  const ly = previousYear(period);
  const pp = previousPeriod(period);
  const year = Number(period.to.slice(0, 4));
  const yearP: Period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const lastYearP: Period = { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };

  const [w, wly, wpp, small, live] = await Promise.all([
    windowTotalsFor(unit.id, period),
    windowTotalsFor(unit.id, ly),
    windowTotalsFor(unit.id, pp),
    smallCountsFor(unit.path, period),
    liveDutyCounts(unit.path),
  ]);
  const [v, vly, vpp, a, aly, app, monthsThis, monthsLast, heat, children, info] = await Promise.all([
    violationTotalsFor(unit.id, period),
    violationTotalsFor(unit.id, ly),
    violationTotalsFor(unit.id, pp),
    accidentTotalsFor(unit.id, period),
    accidentTotalsFor(unit.id, ly),
    accidentTotalsFor(unit.id, pp),
    monthlySeries(unit.id, yearP),
    monthlySeries(unit.id, lastYearP),
    accidentHeatmap(unit.id, period),
    childUnitTotals(unit.id, period),
    db.unit.findUniqueOrThrow({
      where: { id: unit.id },
      select: {
        code: true,
        nameZh: true,
        nameEn: true,
        kind: true,
        children: { select: { id: true, code: true, nameZh: true, nameEn: true } },
      },
    }),
  ]);
  // Which comparison periods (and months of the trend) have data at all.
  const days = await daysWithData(unit.id, { from: [ly.from, pp.from, lastYearP.from].sort()[0], to: yearP.to });
  const coverage = { lastYear: isCovered(days, ly), previous: isCovered(days, pp) };
  const fig = (value: number, lastYear: number, previous: number): Figure => ({
    value,
    lastYear: coverage.lastYear ? lastYear : null,
    yoyPct: coverage.lastYear ? yoyPct(value, lastYear) : null,
    previous: coverage.previous ? previous : null,
    popPct: coverage.previous ? yoyPct(value, previous) : null,
  });
  const monthCovered = (y: number, m: number) => {
    const from = `${y}-${String(m).padStart(2, "0")}-01`;
    const last = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`, -1);
    const to = last < period.to ? last : period.to;
    return from <= to && isCovered(days, { from, to });
  };
  const sumKeys = (o: Record<string, number>, keys: string[]) => keys.reduce((s, k) => s + (o[k] ?? 0), 0);
  const types = await db.violationType.findMany({ select: { key: true, nameZh: true, nameEn: true } });
  const typeName = new Map(types.map((t) => [t.key, t]));

  /** A month's figures, or null for a month without data (not drawn, not zero). */
  const month = (
    rows: { month: string; violations: number; accidents: number; deaths: number }[],
    y: number,
    m: number,
  ) =>
    monthCovered(y, m)
      ? (rows.find((r) => Number(r.month.slice(5)) === m) ?? { violations: 0, accidents: 0, deaths: 0 })
      : null;

  return {
    unit: { code: info.code, nameZh: info.nameZh, nameEn: info.nameEn, kind: info.kind },
    period,
    lastYearPeriod: ly,
    previousPeriod: pp,
    coverage,
    cards: {
      accidents: fig(a.total, aly.total, app.total),
      fatalAccidents: fig(a.fatal, aly.fatal, app.fatal),
      deaths: fig(a.deaths, aly.deaths, app.deaths),
      injuryAccidents: fig(a.injury, aly.injury, app.injury),
      injured: fig(a.injured, aly.injured, app.injured),
      majorAccidents: fig(a.major, aly.major, app.major),
      violations: fig(v.total, vly.total, vpp.total),
      seriousViolations: fig(v.serious, vly.serious, vpp.serious),
      drinkDriving: fig(sumKeys(v.byType, DRINK), sumKeys(vly.byType, DRINK), sumKeys(vpp.byType, DRINK)),
      drunkDriving: fig(v.byType.drunk_driving ?? 0, vly.byType.drunk_driving ?? 0, vpp.byType.drunk_driving ?? 0),
      detentions: fig(v.detentions, vly.detentions, vpp.detentions),
      licencesSeized: fig(v.licencesSeized, vly.licencesSeized, vpp.licencesSeized),
      transactions: fig(w.done, wly.done, wpp.done),
    },
    window: {
      averageWaitMinutes: w.called ? Math.round((w.waitSeconds / w.called / 60) * 10) / 10 : null,
      satisfactionPct:
        w.satisfied + w.basic + w.dissatisfied
          ? Math.round(((w.satisfied + w.basic) / (w.satisfied + w.basic + w.dissatisfied)) * 10_000) / 100
          : null,
      rated: w.satisfied + w.basic + w.dissatisfied,
      complaints: small.complaints,
      complaintsOpen: small.complaintsOpen,
      afterHours: w.afterHours,
    },
    hazards: { found: small.hazardsFound, closed: small.hazardsClosed, openNow: small.hazardsOpenNow },
    duty: live,
    charts: {
      monthly: Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        thisYear: month(monthsThis, year, i + 1),
        lastYear: month(monthsLast, year - 1, i + 1),
      })),
      violationsByType: Object.entries(v.byType)
        .map(([key, count]) => ({
          key,
          nameZh: typeName.get(key)?.nameZh ?? key,
          nameEn: typeName.get(key)?.nameEn ?? key,
          count,
          lastYear: coverage.lastYear ? (vly.byType[key] ?? 0) : null,
        }))
        .sort((x, y) => y.count - x.count),
      accidentHeatmap: heat,
      windowByCategory: Object.entries(w.byCategory)
        .map(([key, count]) => ({ key, count, lastYear: coverage.lastYear ? (wly.byCategory[key] ?? 0) : null }))
        .sort((x, y) => y.count - x.count),
      windowByChannel: Object.entries(w.byChannel)
        .map(([key, count]) => ({ key, count }))
        .sort((x, y) => y.count - x.count),
      subUnits: children.map((c) => {
        const u = info.children.find((x) => x.id === c.unitId)!;
        return {
          code: u.code,
          nameZh: u.nameZh,
          nameEn: u.nameEn,
          violations: c.violations,
          serious: c.serious,
          accidents: c.accidents,
          deaths: c.deaths,
          injured: c.injured,
        };
      }),
    },
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
