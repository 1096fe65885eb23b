import "server-only";
import { z } from "zod";
import { readDb as db } from "@/lib/db-read";
import { localDate } from "@/lib/time";

/**
 * Years that have any figures for a unit (from the rollups, a few thousand index rows at
 * most), newest first, always including the current year: the year pickers offer these.
 * `latest` is the newest year that really has figures (what /reports opens on).
 */
export async function yearsWithData(unitId: string): Promise<number[]> {
  return (await reportYears(unitId)).years;
}

export async function reportYears(unitId: string): Promise<{ years: number[]; latest: number | null }> {
  const rows = z.array(z.object({ y: z.coerce.number() })).parse(
    await db.$queryRaw<unknown[]>`
    SELECT DISTINCT extract(year FROM day)::int AS y FROM (
      SELECT day FROM violation_daily WHERE unit_id = ${unitId}::uuid
      UNION ALL SELECT day FROM accident_daily WHERE unit_id = ${unitId}::uuid
      UNION ALL SELECT day FROM window_daily WHERE unit_id = ${unitId}::uuid) d`,
  );
  const current = Number(localDate(new Date()).slice(0, 4));
  const withData = rows.map((r) => r.y).sort((a, b) => b - a);
  return { years: [...new Set([current, ...withData])].sort((a, b) => b - a), latest: withData[0] ?? null };
}
