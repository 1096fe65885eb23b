/**
 * Report and dashboard periods: inclusive ranges of local calendar days (Asia/Shanghai),
 * with the same period of the previous year (同比) and the previous period (环比).
 */
import { z } from "zod";
import { addDays, localDate } from "@/lib/time";
import { zDay } from "@/lib/validation";

export interface Period {
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

export const PRESETS = ["today", "week", "month", "ytd", "year", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

export const periodQuerySchema = z
  .object({
    period: z.enum(PRESETS).default("ytd"),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    from: zDay.optional(),
    to: zDay.optional(),
  })
  .refine((q) => q.period !== "custom" || (q.from && q.to && q.from <= q.to), {
    message: "validation.invalid",
    path: ["to"],
  })
  .refine((q) => q.period !== "year" || q.year, { message: "validation.required", path: ["year"] });

export type PeriodQuery = z.infer<typeof periodQuerySchema>;

/** The days a preset covers, as of `today` (local date). */
export function resolvePeriod(q: PeriodQuery, today: string = localDate(new Date())): Period {
  switch (q.period) {
    case "today":
      return { from: today, to: today };
    case "week": {
      const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      return { from: addDays(today, -dow), to: today };
    }
    case "month":
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case "year":
      return { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
    case "custom":
      return { from: q.from!, to: q.to! };
    case "ytd":
    default:
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** The same days one year earlier (29 February becomes 28 February). */
export function previousYear(p: Period): Period {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === "02-29" ? "02-28" : d.slice(5);
    return `${y}-${md}`;
  };
  return { from: back(p.from), to: back(p.to) };
}

/** The period of the same length just before (环比). */
export function previousPeriod(p: Period): Period {
  const days = dayCount(p);
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

export function dayCount(p: Period): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86400_000) + 1;
}

/** Whole calendar year? (Reports title it "2019年" rather than a date range.) */
export function isWholeYear(p: Period): number | null {
  return p.from.slice(5) === "01-01" && p.to.slice(5) === "12-31" && p.from.slice(0, 4) === p.to.slice(0, 4)
    ? Number(p.from.slice(0, 4))
    : null;
}
