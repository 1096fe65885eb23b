import "server-only";
import { z } from "zod";
import { readDb as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "./periods";
import { pathLike } from "@/lib/auth/actor";
import { localDaysRange } from "@/lib/time";

type Rollup = "violation_daily" | "accident_daily" | "window_daily";

/** A rollup's JSON counts column ({"key": n}) summed over the unit's days in the period, as one JSON object. */
function jsonCounts(table: Rollup, column: string, unitId: string, p: Period) {
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

/** A rollup's figures as zod parses them: each of `sums` a number, each of `byKey` a JSON counts object. */
function figures<S extends string, K extends string>(sums: readonly S[], byKey: readonly K[]) {
  return z.object({
    ...(Object.fromEntries(sums.map((k) => [k, num])) as Record<S, typeof num>),
    ...(Object.fromEntries(byKey.map((k) => [k, counts])) as Record<K, typeof counts>),
  });
}

/** The rollup column of a figure: its name in snake_case ("detentionDays" → detention_days). */
const columnOf = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A unit's figures (and everything below it) over a period, from one rollup: each key of the
 * schema (see figures) names a column, summed over the days (0 when there are none), or, for
 * a `counts` key, a JSON counts column merged (see jsonCounts).
 */
async function rollupTotals<T extends z.ZodRawShape>(
  table: Rollup,
  schema: z.ZodObject<T>,
  unitId: string,
  p: Period,
): Promise<z.infer<z.ZodObject<T>>> {
  const figures = Object.entries(schema.shape).map(([key, type]) => {
    const as = Prisma.raw(`"${key}"`);
    return type === counts
      ? Prisma.sql`${jsonCounts(table, columnOf(key), unitId, p)} AS ${as}`
      : Prisma.sql`coalesce(sum(${Prisma.raw(columnOf(key))}), 0) AS ${as}`;
  });
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT ${Prisma.join(figures)}
      FROM ${Prisma.raw(table)}
     WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date`;
  return schema.parse(row);
}

const violationTotals = figures(
  ["total", "serious", "detentions", "detentionDays", "licencesSeized", "finesYuan", "points"],
  ["byType", "bySource"],
);
export type ViolationTotals = z.infer<typeof violationTotals>;

/** Violation figures of a unit (and everything below it) over a period, from the rollups. */
export async function violationTotalsFor(unitId: string, p: Period): Promise<ViolationTotals> {
  return rollupTotals("violation_daily", violationTotals, unitId, p);
}

const accidentTotals = figures(
  [
    "total",
    "fatal",
    "deaths",
    "injury",
    "injured",
    "major",
    "propertyLossYuan",
    "hitAndRun",
    "hitAndRunSolved",
    "quickHandled",
    "remoteHandled",
    "rescueFundCases",
    "rescueFundYuan",
  ],
  ["byHour"],
);
export type AccidentTotals = z.infer<typeof accidentTotals>;

/** Accident figures of a unit (and everything below it) over a period, from the rollups. */
export async function accidentTotalsFor(unitId: string, p: Period): Promise<AccidentTotals> {
  return rollupTotals("accident_daily", accidentTotals, unitId, p);
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

const windowTotals = figures(
  [
    "done",
    "returned",
    "refused",
    "afterHours",
    "difficult",
    "difficultResolved",
    "feesYuan",
    "serviceSeconds",
    "satisfied",
    "basic",
    "dissatisfied",
    "tickets",
    "called",
    "waitSeconds",
    "noShows",
  ],
  ["byCategory", "byChannel"],
);
export type WindowTotals = z.infer<typeof windowTotals>;

/** Window figures of a unit (and everything below it) over a period, from the rollups. */
export async function windowTotalsFor(unitId: string, p: Period): Promise<WindowTotals> {
  return rollupTotals("window_daily", windowTotals, unitId, p);
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
