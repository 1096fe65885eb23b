import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time";
import type { Period } from "./periods";

/**
 * Whether a period has data at all. A brigade records violations every day, so a period in
 * which (nearly) no day has a record of any kind is a period the system does not know — not
 * a period with nothing in it. Its figures are "无上年数据" / "no data", never a zero that
 * would read as "no accidents last year", and charts draw no line there.
 */
export async function daysWithData(unitId: string, p: Period): Promise<Set<string>> {
  const rows = z.array(z.object({ day: z.string() })).parse(
    await db.$queryRaw<unknown[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day FROM (
        SELECT day FROM violation_daily WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date
        UNION SELECT day FROM accident_daily WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date
        UNION SELECT day FROM window_daily WHERE unit_id = ${unitId}::uuid AND day BETWEEN ${p.from}::date AND ${p.to}::date
      ) d`,
  );
  return new Set(rows.map((r) => r.day));
}

/** Share of a period's days that must have records for its figures to count (holidays and quiet days aside). */
export const COVERAGE_SHARE = 0.8;

/** True when at least 80 % of the period's days have records (a one-day period: that day). */
export function isCovered(days: ReadonlySet<string>, p: Period): boolean {
  let total = 0;
  let covered = 0;
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
    total++;
    if (days.has(d)) covered++;
  }
  return total > 0 && covered >= Math.ceil(total * COVERAGE_SHARE);
}
