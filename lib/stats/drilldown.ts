/**
 * Links from a dashboard or report figure to the list it was counted from, with the
 * filters each list understands (lib/violations/schemas.ts listViolationsSchema,
 * lib/accidents/schemas.ts, lib/window/schemas.ts listTransactionsSchema,
 * lib/hazards/schemas.ts). Pure: used by server pages and tested on its own.
 */
import type { Period } from "./periods";

type Params = Record<string, string | number | boolean | undefined | null>;

function href(path: string, params: Params): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "" && v !== false) p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export interface DrillScope {
  /** The unit whose figures are shown (its list includes the units below it). */
  unitCode: string;
  period: Period;
}

export const drill = {
  violations: (s: DrillScope, f: { type?: string; serious?: boolean; unit?: string } = {}) =>
    href("/violations", {
      from: s.period.from,
      to: s.period.to,
      unit: f.unit ?? s.unitCode,
      type: f.type,
      serious: f.serious ? "true" : undefined,
    }),

  accidents: (
    s: DrillScope,
    f: { severity?: "fatal" | "injury" | "property"; major?: boolean; hitAndRun?: boolean; unit?: string } = {},
  ) =>
    href("/accidents", {
      from: s.period.from,
      to: s.period.to,
      unit: f.unit ?? s.unitCode,
      severity: f.severity,
      major: f.major ? "true" : undefined,
      hitAndRun: f.hitAndRun ? "true" : undefined,
    }),

  /** Transactions are counted when done, so the list is limited to result=done as the figures are. */
  transactions: (
    s: DrillScope,
    f: { category?: string; channel?: string; afterHours?: boolean; difficult?: boolean } = {},
  ) =>
    href("/window/transactions", {
      from: s.period.from,
      to: s.period.to,
      unitCode: s.unitCode,
      result: "done",
      category: f.category,
      channel: f.channel,
      afterHours: f.afterHours ? "1" : undefined,
      difficult: f.difficult ? "1" : undefined,
    }),

  hazards: (s: DrillScope, f: { status?: "open" | "closed" } = {}) =>
    href("/hazards", { from: s.period.from, to: s.period.to, unit: s.unitCode, status: f.status }),

  blackSpots: (unitCode: string) => href("/hazards/black-spots", { unit: unitCode }),

  grid: (gridId: string) => `/beats/grids/${encodeURIComponent(gridId)}`,

  /** A calendar month of a year, clipped to nothing else: the trend chart's drill-down. */
  month: (kind: "violations" | "accidents", unitCode: string, year: number, month: number) => {
    const mm = String(month).padStart(2, "0");
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const period = { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, "0")}` };
    return kind === "violations" ? drill.violations({ unitCode, period }) : drill.accidents({ unitCode, period });
  },

  dashboard: (q: { unit?: string; period?: string; year?: number | string; from?: string; to?: string }) =>
    href("/dashboard", q),
};
