import type { TFunction } from "@/lib/i18n/translate";
import { yoyPct } from "./yoy";
/**
 * A statistics table as plain data: the report page renders it, the XLSX export writes
 * it (one sheet per table), so the two can never disagree. Pure, no server imports.
 */
export type CellValue = string | number | null;

export interface StatColumn {
  key: string;
  label: string;
  /** number: a count or amount; pct: a signed change (同比) in percent; rate: a share in percent; decimal: a ratio. */
  kind?: "text" | "number" | "pct" | "rate" | "decimal";
}

export interface StatRow {
  /** Stable id of the row (a figure's key), for charts drawn from the table. */
  key?: string;
  cells: Record<string, CellValue>;
  /** The list behind the row (drill-down). */
  href?: string;
  /** A total or subtotal row, set in bold. */
  strong?: boolean;
  /** A rise is good news (hit-and-runs solved, satisfaction): its 同比 is shown green, not red. */
  upIsGood?: boolean;
}

export interface StatTable {
  key: string;
  title: string;
  columns: StatColumn[];
  rows: StatRow[];
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique within the book. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** One category's count this period and in the same period last year (null: no data then). */
export interface ComparedCount {
  label: string;
  count: number;
  lastYear: number | null;
  href?: string;
}

/** "category | this period | same period last year | 同比", one row per category. */
export function comparedCountTable(
  t: TFunction,
  o: { key: string; title: string; column: { key: string; label: string }; rows: ComparedCount[]; upIsGood?: boolean },
): StatTable {
  return {
    key: o.key,
    title: o.title,
    columns: [
      { ...o.column, kind: "text" },
      { key: "count", label: t("stats.thisPeriod") },
      { key: "lastYear", label: t("stats.samePeriodLastYear") },
      { key: "yoy", label: t("stats.yoy"), kind: "pct" },
    ],
    rows: o.rows.map((r) => ({
      href: r.href,
      ...(o.upIsGood ? { upIsGood: true } : {}),
      cells: { [o.column.key]: r.label, count: r.count, lastYear: r.lastYear, yoy: yoyPct(r.count, r.lastYear) },
    })),
  };
}
