import "server-only";
import { z } from "zod";
import { readDb as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "./periods";
import { pathLike } from "@/lib/auth/actor";
import { localDaysRange } from "@/lib/time";

/** A rollup's JSON counts column ({"key": n}) summed over the unit's days in the period, as one JSON object. */
function jsonCounts(
  table: "violation_daily" | "accident_daily" | "window_daily",
  column: string,
  unitId: string,
  p: Period,
) {
  return Prisma.sql`(SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
              SELECT e.key AS k, sum(e.value::int) AS n FROM ${Prisma.raw(table)} d2, jsonb_each_text(d2.${Prisma.raw(`"${column}"`)}) e
               WHERE d2.unit_id = ${unitId}::uuid AND d2.day BETWEEN ${p.from}::date AND ${p.to}::date GROUP BY 1) t)`;
}

/** bigint and numeric (Decimal) sums from SQL become numbers here, in one place. */
const num = z.unknown().transform((v, ctx) => {
  const n = Number(typeof v === "object" && v !== null ? String(v) : v);
  if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: `not a number: ${String(v)}` });
  return n;
});
const counts = z.record(z.string(), num);

const violationTotals = z.object({
  total: num,
  serious: num,
  detentions: num,
  detentionDays: num,
  licencesSeized: num,
  finesYuan: num,
  points: num,
  byType: counts,
  bySource: counts,
});
export type ViolationTotals = z.infer<typeof violationTotals>;

/** Violation figures of a unit (and everything below it) over a period, from the rollups. */
export async function violationTotalsFor(unitId: string, p: Period): Promise<ViolationTotals> {
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT coalesce(sum(total), 0) AS total, coalesce(sum(serious), 0) AS serious, coalesce(sum(detentions), 0) AS "detentions",
           coalesce(sum(detention_days), 0) AS "detentionDays", coalesce(sum(licences_seized), 0) AS "licencesSeized",
           coalesce(sum(fines_yuan), 0) AS "finesYuan", coalesce(sum(points), 0) AS points,
           ${jsonCounts("violation_daily", "by_type", unitId, p)} AS "byType",
           ${jsonCounts("violation_daily", "by_source", unitId, p)} AS "bySource"
      FROM violation_daily
     WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date`;
  return violationTotals.parse(row);
}

const accidentTotals = z.object({
  total: num,
  fatal: num,
  deaths: num,
  injury: num,
  injured: num,
  major: num,
  propertyLossYuan: num,
  hitAndRun: num,
  hitAndRunSolved: num,
  quickHandled: num,
  remoteHandled: num,
  rescueFundCases: num,
  rescueFundYuan: num,
  byHour: counts,
});
export type AccidentTotals = z.infer<typeof accidentTotals>;

export async function accidentTotalsFor(unitId: string, p: Period): Promise<AccidentTotals> {
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT coalesce(sum(total), 0) AS total, coalesce(sum(fatal), 0) AS fatal, coalesce(sum(deaths), 0) AS deaths,
           coalesce(sum(injury), 0) AS injury, coalesce(sum(injured), 0) AS injured, coalesce(sum(major), 0) AS major,
           coalesce(sum(property_loss_yuan), 0) AS "propertyLossYuan", coalesce(sum(hit_and_run), 0) AS "hitAndRun",
           coalesce(sum(hit_and_run_solved), 0) AS "hitAndRunSolved", coalesce(sum(quick_handled), 0) AS "quickHandled",
           coalesce(sum(remote_handled), 0) AS "remoteHandled", coalesce(sum(rescue_fund_cases), 0) AS "rescueFundCases",
           coalesce(sum(rescue_fund_yuan), 0) AS "rescueFundYuan",
           ${jsonCounts("accident_daily", "by_hour", unitId, p)} AS "byHour"
      FROM accident_daily
     WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date`;
  return accidentTotals.parse(row);
}

const monthRow = z.object({ month: z.string(), violations: num, accidents: num, deaths: num });

/** Month by month (YYYY-MM) for a period: violations, accidents, deaths. */
export async function monthlySeries(unitId: string, p: Period) {
  const rows = await db.$queryRaw<unknown[]>`
    WITH v AS (SELECT to_char(day, 'YYYY-MM') AS month, sum(total) AS n FROM violation_daily
                WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date GROUP BY 1),
         a AS (SELECT to_char(day, 'YYYY-MM') AS month, sum(total) AS n, sum(deaths) AS d FROM accident_daily
                WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date GROUP BY 1)
    SELECT coalesce(v.month, a.month) AS month, coalesce(v.n, 0) AS violations, coalesce(a.n, 0) AS accidents, coalesce(a.d, 0) AS deaths
      FROM v FULL JOIN a USING (month) ORDER BY 1`;
  return z.array(monthRow).parse(rows);
}

const heatRow = z.object({ weekday: num, hour: num, n: num });

/** Accidents by local weekday (0 = Sunday) × hour over a period. */
export async function accidentHeatmap(unitId: string, p: Period) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT extract(dow FROM day)::int AS weekday, h.key::int AS hour, sum(h.value::int) AS n
      FROM accident_daily, jsonb_each_text(by_hour) h
     WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date
     GROUP BY 1, 2`;
  return z.array(heatRow).parse(rows);
}

const childRow = z.object({
  unitId: z.string(),
  violations: num,
  serious: num,
  accidents: num,
  deaths: num,
  injured: num,
});

/** The same figures for each direct sub-unit (squads side by side): two grouped range reads. */
export async function childUnitTotals(parentId: string, p: Period) {
  const rows = await db.$queryRaw<unknown[]>`
    WITH c AS (SELECT id, code FROM units WHERE parent_id = ${parentId}::uuid),
    v AS (SELECT unit_id, sum(total) AS violations, sum(serious) AS serious FROM violation_daily
           WHERE unit_id IN (SELECT id FROM c) AND day BETWEEN ${p.from}::date AND ${p.to}::date GROUP BY 1),
    a AS (SELECT unit_id, sum(total) AS accidents, sum(deaths) AS deaths, sum(injured) AS injured FROM accident_daily
           WHERE unit_id IN (SELECT id FROM c) AND day BETWEEN ${p.from}::date AND ${p.to}::date GROUP BY 1)
    SELECT c.id AS "unitId", coalesce(v.violations, 0) AS violations, coalesce(v.serious, 0) AS serious,
           coalesce(a.accidents, 0) AS accidents, coalesce(a.deaths, 0) AS deaths, coalesce(a.injured, 0) AS injured
      FROM c LEFT JOIN v ON v.unit_id = c.id LEFT JOIN a ON a.unit_id = c.id ORDER BY c.code`;
  return z.array(childRow).parse(rows);
}

const windowTotals = z.object({
  done: num,
  returned: num,
  refused: num,
  afterHours: num,
  difficult: num,
  difficultResolved: num,
  feesYuan: num,
  serviceSeconds: num,
  satisfied: num,
  basic: num,
  dissatisfied: num,
  tickets: num,
  called: num,
  waitSeconds: num,
  noShows: num,
  byCategory: counts,
  byChannel: counts,
});
export type WindowTotals = z.infer<typeof windowTotals>;

/** Window figures of a unit (and everything below it) over a period, from the rollups. */
export async function windowTotalsFor(unitId: string, p: Period): Promise<WindowTotals> {
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT coalesce(sum(done), 0) AS done, coalesce(sum(returned), 0) AS returned, coalesce(sum(refused), 0) AS refused,
           coalesce(sum(after_hours), 0) AS "afterHours", coalesce(sum(difficult), 0) AS difficult,
           coalesce(sum(difficult_resolved), 0) AS "difficultResolved", coalesce(sum(fees_yuan), 0) AS "feesYuan",
           coalesce(sum(service_seconds), 0) AS "serviceSeconds", coalesce(sum(satisfied), 0) AS satisfied, coalesce(sum(basic), 0) AS basic,
           coalesce(sum(dissatisfied), 0) AS dissatisfied, coalesce(sum(tickets), 0) AS tickets, coalesce(sum(called), 0) AS called,
           coalesce(sum(wait_seconds), 0) AS "waitSeconds", coalesce(sum(no_shows), 0) AS "noShows",
           ${jsonCounts("window_daily", "by_category", unitId, p)} AS "byCategory",
           ${jsonCounts("window_daily", "by_channel", unitId, p)} AS "byChannel"
      FROM window_daily
     WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date`;
  return windowTotals.parse(row);
}

const smallCounts = z.object({
  outreachTrips: num,
  servicePoints: num,
  complaints: num,
  complaintsOpen: num,
  hazardsFound: num,
  hazardsClosed: num,
  hazardsOpenNow: num,
});

/**
 * Figures from small tables, counted directly: outreach trips, service points open at the
 * end of the period, complaints, hazards found in the period and how many of those are closed.
 */
export async function smallCountsFor(unitPath: string, p: Period) {
  const { from, to } = localDaysRange(p);
  const path = pathLike(unitPath);
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT
      (SELECT count(*) FROM window_outreach_trips WHERE unit_path LIKE ${path} AND trip_date BETWEEN ${p.from}::date AND ${p.to}::date) AS "outreachTrips",
      (SELECT count(*) FROM window_service_points WHERE unit_path LIKE ${path}
          AND (opened_on IS NULL OR opened_on <= ${p.to}::date) AND (closed_on IS NULL OR closed_on > ${p.to}::date)) AS "servicePoints",
      (SELECT count(*) FROM window_complaints WHERE unit_path LIKE ${path} AND opened_at >= ${from} AND opened_at < ${to}) AS complaints,
      (SELECT count(*) FROM window_complaints WHERE unit_path LIKE ${path} AND status = 'open') AS "complaintsOpen",
      (SELECT count(*) FROM hazards WHERE unit_path LIKE ${path} AND found_at >= ${from} AND found_at < ${to}) AS "hazardsFound",
      (SELECT count(*) FROM hazards WHERE unit_path LIKE ${path} AND found_at >= ${from} AND found_at < ${to} AND status = 'closed') AS "hazardsClosed",
      (SELECT count(*) FROM hazards WHERE unit_path LIKE ${path} AND status <> 'closed') AS "hazardsOpenNow"`;
  return smallCounts.parse(row);
}

const liveCounts = z.object({ beatsOnDuty: num, officersReporting: num, openSos: num });

/** Right now: beats in progress, people who reported a position in the last 10 minutes, open SOS alerts. */
export async function liveDutyCounts(unitPath: string) {
  const path = pathLike(unitPath);
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT
      (SELECT count(*) FROM beats WHERE unit_path LIKE ${path} AND cancelled_at IS NULL AND starts_at <= now() AND ends_at > now()) AS "beatsOnDuty",
      (SELECT count(*) FROM last_positions WHERE unit_path LIKE ${path} AND occurred_at > now() - interval '10 minutes' AND status <> 'off_duty') AS "officersReporting",
      (SELECT count(*) FROM sos_alerts WHERE unit_path LIKE ${path} AND resolved_at IS NULL) AS "openSos"`;
  return liveCounts.parse(row);
}
