import Link from "next/link";
import { clsx } from "clsx";
import { Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber, formatPct } from "@/lib/i18n/format";
import type { CellValue, StatColumn, StatTable } from "@/lib/stats/tables";

export function formatCell(v: CellValue, kind: StatColumn["kind"], locale: Locale): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  switch (kind) {
    case "pct":
      return formatPct(v);
    case "rate":
      return `${v.toFixed(2)}%`;
    case "decimal":
      return formatNumber(v, locale, { digits: 2 });
    case "text":
      return String(v);
    default:
      return formatNumber(v, locale);
  }
}

/** Signed changes in colour: for most figures down is good, so the caller says which way is bad. */
function pctTone(v: CellValue) {
  return typeof v === "number" && v !== 0 ? (v > 0 ? "text-red-700" : "text-green-700") : undefined;
}

/** A statistics table; the first column links to the list behind the row when there is one. */
export function StatTableView({
  table,
  locale,
  testId,
  upIsGood,
}: {
  table: StatTable;
  locale: Locale;
  testId?: string;
  upIsGood?: boolean;
}) {
  return (
    <Table data-testid={testId ?? `table-${table.key}`} className="stat-table">
      <caption className="sr-only">{table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <Th key={c.key} className={clsx(i > 0 && c.kind !== "text" && "text-right")}>
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, ri) => (
          <tr key={ri} className={clsx("border-t border-slate-100", r.strong && "bg-slate-50 font-semibold")}>
            {table.columns.map((c, i) => {
              const v = r.cells[c.key] ?? null;
              const text = formatCell(v, c.kind, locale);
              const good = r.upIsGood ?? upIsGood;
              const tone = c.kind === "pct" ? pctTone(good && typeof v === "number" ? -v : v) : undefined;
              return (
                <Td
                  key={c.key}
                  className={clsx(i > 0 && c.kind !== "text" && "text-right tabular-nums whitespace-nowrap", "py-1.5")}
                >
                  {i === 0 && r.href ? (
                    <Link
                      href={r.href}
                      prefetch={false}
                      className="text-brand-700 hover:underline print:text-slate-900 print:no-underline"
                    >
                      {text}
                    </Link>
                  ) : tone ? (
                    <span className={tone}>{text}</span>
                  ) : (
                    text
                  )}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
