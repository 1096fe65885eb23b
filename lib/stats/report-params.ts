/**
 * Query and route parameters of the report screens, validated before anything is read.
 * /reports/{unitCode}/{year}                       the calendar year
 * /reports/{unitCode}/{year}?from=…&to=…           any period (the year segment is the year it ends in)
 * /reports?unit=…&year=… or ?unit=…&from=…&to=…    the picker's GET form, redirected to the above
 */
import { z } from "zod";
import { blank, zOptDay } from "@/lib/validation";
import { reportInputSchema, type ReportInput } from "./schemas";

export const reportPageSchema = z.object({
  unitCode: z.string().min(1).max(32),
  year: z.coerce.number().int().min(2000).max(2100),
  from: zOptDay,
  to: zOptDay,
});

/** The report input of a page URL, or null when the URL does not name a valid period. */
export function reportInputOf(raw: Record<string, unknown>): ReportInput | null {
  const p = reportPageSchema.safeParse(raw);
  if (!p.success) return null;
  const { unitCode, year, from, to } = p.data;
  const input = from && to ? { unitCode, from, to } : { unitCode, year };
  const ok = reportInputSchema.safeParse(input);
  return ok.success ? ok.data : null;
}

export const reportPickerSchema = z.object({
  unit: z.preprocess(
    blank,
    z
      .string()
      .max(32)
      .regex(/^[0-9A-Za-z_-]+$/)
      .optional(),
  ),
  mode: z.preprocess(blank, z.enum(["year", "period"]).default("year")),
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()),
  from: zOptDay,
  to: zOptDay,
});

/** Where the picker's choice lives, or null when it is incomplete (the picker is shown again). */
export function reportUrlOf(raw: Record<string, unknown>): string | null {
  const p = reportPickerSchema.safeParse(raw);
  if (!p.success || !p.data.unit) return null;
  const { unit, mode, year, from, to } = p.data;
  const u = encodeURIComponent(unit);
  if (mode === "period") {
    if (!from || !to || from > to) return null;
    return `/reports/${u}/${to.slice(0, 4)}?from=${from}&to=${to}`;
  }
  return year ? `/reports/${u}/${year}` : null;
}

/** The URL of a report (the page's own links, the export link). */
export function reportUrl(input: ReportInput, suffix = ""): string {
  const u = encodeURIComponent(input.unitCode);
  return "year" in input
    ? `/reports/${u}/${input.year}${suffix}`
    : `/reports/${u}/${input.to.slice(0, 4)}${suffix}?from=${input.from}&to=${input.to}`;
}
