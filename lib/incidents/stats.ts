import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, pathLike, type Actor } from "@/lib/auth/actor";
import { previousYear, type Period } from "@/lib/stats/periods";
import { yoyPct } from "@/lib/stats/yoy";
import { localDayStart, addDays } from "@/lib/time";
import { unitInScopeByCode } from "@/lib/units/read-units";

const row = z.object({
  incidents: z.coerce.number(),
  dispatched: z.coerce.number(),
  arrived: z.coerce.number(),
  closed: z.coerce.number(),
  reached: z.coerce.number(),
  dispatch_median: z.coerce.number().nullable(),
  dispatch_p90: z.coerce.number().nullable(),
  arrive_median: z.coerce.number().nullable(),
  arrive_p90: z.coerce.number().nullable(),
});
const keyed = z.object({ key: z.string(), n: z.coerce.number() });
const byBrigade = row.extend({ brigade_id: z.string().nullable() });

/** Minutes with one decimal (null without data). */
const min = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * Response times and volumes (接处警) from the incident records themselves, for a unit in
 * scope and a period of local days: received → dispatched and received → on scene (median
 * and p90, minutes), incidents by kind and source, the share of closed incidents whose
 * caller was reached by the feedback call (回访率), per brigade below the unit — each with
 * the same period a year earlier. Incidents are few (thousands a year per brigade), so this
 * reads the rows (index (unit_path, received_at)), no rollup.
 */
export async function incidentStats({ actor, input }: { actor: Actor; input: { unitCode: string; period: Period } }) {
  assertCan(actor, "dashboard.view");
  const unit = await unitInScopeByCode({ actor, code: input.unitCode });
  return incidentFigures({ unitPath: unit.path, period: input.period });
}

/** The figures themselves, for a unit path the caller has checked (the dashboard, the report). */
export async function incidentFigures({ unitPath, period }: { unitPath: string; period: Period }) {
  const ly = previousYear(period);
  const [cur, prev, kinds, sources] = await Promise.all([
    responseRows(unitPath, period),
    responseRows(unitPath, ly),
    grouped(unitPath, period, "kind"),
    grouped(unitPath, period, "source"),
  ]);
  const [now, last, brigades] = [cur.total, prev.total, cur.brigades];
  const names = new Map(
    (
      await db.unit.findMany({
        where: { id: { in: brigades.map((b) => b.brigade_id) } },
        select: { id: true, code: true, nameZh: true, nameEn: true },
      })
    ).map((u) => [u.id, u]),
  );
  const fig = (value: number | null, prev: number | null) => ({
    value,
    lastYear: prev,
    yoyPct: value === null || prev === null ? null : yoyPct(value, prev),
  });
  const share = (t: z.infer<typeof row>) => (t.closed ? Math.round((t.reached / t.closed) * 10_000) / 100 : null);
  return {
    period,
    lastYearPeriod: ly,
    incidents: fig(now.incidents, last.incidents),
    dispatchMedian: fig(min(now.dispatch_median), min(last.dispatch_median)),
    dispatchP90: fig(min(now.dispatch_p90), min(last.dispatch_p90)),
    arriveMedian: fig(min(now.arrive_median), min(last.arrive_median)),
    arriveP90: fig(min(now.arrive_p90), min(last.arrive_p90)),
    closedWithFeedbackPct: fig(share(now), share(last)),
    counts: { dispatched: now.dispatched, arrived: now.arrived, closed: now.closed, reached: now.reached },
    byKind: kinds,
    bySource: sources,
    byBrigade: brigades.map((b) => ({
      code: names.get(b.brigade_id)?.code ?? "",
      nameZh: names.get(b.brigade_id)?.nameZh ?? "",
      nameEn: names.get(b.brigade_id)?.nameEn ?? "",
      incidents: b.incidents,
      dispatchMedian: min(b.dispatch_median),
      dispatchP90: min(b.dispatch_p90),
      arriveMedian: min(b.arrive_median),
      arriveP90: min(b.arrive_p90),
      closedWithFeedbackPct: share(b),
    })),
  };
}
export type IncidentStats = Awaited<ReturnType<typeof incidentFigures>>;

const range = (p: Period) => ({ from: localDayStart(p.from), to: localDayStart(addDays(p.to, 1)) });

/**
 * The figures of a period, in one pass: the whole unit (brigade_id null) and each brigade
 * (GROUPING SETS). Durations are measured from the call: to the first dispatch, and to
 * arrival on scene.
 */
async function responseRows(path: string, p: Period) {
  const { from, to } = range(p);
  const rows = await db.$queryRaw<unknown[]>`
    SELECT brigade_id::text AS brigade_id,
           count(*) AS incidents,
           count(dispatched_at) AS dispatched,
           count(arrived_at) AS arrived,
           count(*) FILTER (WHERE status = 'closed') AS closed,
           count(*) FILTER (WHERE status = 'closed' AND feedback_reached) AS reached,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM dispatched_at - received_at) / 60) AS dispatch_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM dispatched_at - received_at) / 60) AS dispatch_p90,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM arrived_at - received_at) / 60) AS arrive_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM arrived_at - received_at) / 60) AS arrive_p90
      FROM incidents
     WHERE unit_path LIKE ${pathLike(path)} AND received_at >= ${from} AND received_at < ${to}
     GROUP BY GROUPING SETS ((), (brigade_id))
     ORDER BY count(*) DESC`;
  const parsed = rows.map((x) => byBrigade.parse(x));
  return {
    total: parsed.find((r) => r.brigade_id === null) ?? row.parse({ ...EMPTY }),
    brigades: parsed.filter((r): r is z.infer<typeof byBrigade> & { brigade_id: string } => r.brigade_id !== null),
  };
}

const EMPTY = {
  incidents: 0,
  dispatched: 0,
  arrived: 0,
  closed: 0,
  reached: 0,
  dispatch_median: null,
  dispatch_p90: null,
  arrive_median: null,
  arrive_p90: null,
};

async function grouped(path: string, p: Period, column: "kind" | "source") {
  const { from, to } = range(p);
  const rows =
    column === "kind"
      ? await db.$queryRaw<unknown[]>`
          SELECT kind AS key, count(*) AS n FROM incidents
           WHERE unit_path LIKE ${pathLike(path)} AND received_at >= ${from} AND received_at < ${to}
           GROUP BY 1 ORDER BY 2 DESC, 1`
      : await db.$queryRaw<unknown[]>`
          SELECT source AS key, count(*) AS n FROM incidents
           WHERE unit_path LIKE ${pathLike(path)} AND received_at >= ${from} AND received_at < ${to}
           GROUP BY 1 ORDER BY 2 DESC, 1`;
  return rows.map((x) => keyed.parse(x));
}
