"use client";
import { clsx } from "clsx";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { StatTable } from "@/lib/stats/tables";
import { StatTableView } from "./stat-table";

/**
 * A card with a chart and the same figures as a table, switched by two buttons.
 * - The chart is server-rendered HTML/SVG (components/stats/charts): it is there at once,
 *   in print and in a screenshot, with nothing to load or draw in the browser.
 * - The table is either server-rendered HTML (`table`: the report, readable in print and
 *   without JavaScript) or drawn from its data when asked for (`tableData`: the dashboard,
 *   whose dozen hidden tables would otherwise double the DOM that must hydrate).
 * When printing, both are shown.
 */
export function ChartPanel({
  title,
  subtitle,
  chart,
  table,
  tableData,
  upIsGood,
  testId,
  action,
  empty,
  note,
  both,
}: {
  title: string;
  subtitle?: string;
  chart: React.ReactNode;
  table?: React.ReactNode;
  tableData?: StatTable;
  upIsGood?: boolean;
  testId: string;
  action?: React.ReactNode;
  /** Nothing to show: the panel says so instead of drawing empty axes. */
  empty?: string;
  /** A line under the chart (e.g. "no data for last year: not drawn"). */
  note?: string;
  /** Chart and table side by side, no switch (the report, a document read whole). */
  both?: boolean;
}) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<"chart" | "table">("chart");

  const tab = (v: "chart" | "table", label: string) => (
    <button
      type="button"
      aria-pressed={view === v}
      onClick={() => setView(v)}
      className={clsx(
        "px-2.5 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md",
        view === v ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
      )}
      data-testid={`${testId}-show-${v}`}
    >
      {label}
    </button>
  );

  return (
    <section
      className="break-inside-avoid rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none"
      data-testid={testId}
      aria-label={title}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
        </div>
        <div className="no-print flex items-center gap-2">
          {action}
          {!empty && !both && (
            <div
              className="inline-flex overflow-hidden rounded-md border border-slate-300 shadow-sm"
              role="group"
              aria-label={t("stats.view")}
            >
              {tab("chart", t("stats.chart"))}
              {tab("table", t("stats.table"))}
            </div>
          )}
        </div>
      </div>
      {empty ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500" data-testid={`${testId}-empty`}>
          {empty}
        </p>
      ) : both ? (
        <div className="grid items-start gap-3 p-2 lg:grid-cols-2 print:block">
          <div className="min-w-0 p-1" data-testid={`${testId}-chart`}>
            {chart}
            {note && <p className="mt-2 text-xs text-slate-600">{note}</p>}
          </div>
          <div className="min-w-0" data-testid={`${testId}-table`}>
            {table ?? (tableData && <StatTableView table={tableData} locale={locale} upIsGood={upIsGood} />)}
          </div>
        </div>
      ) : (
        <>
          <div
            className={clsx("p-3", view === "chart" ? "block" : "hidden print:block")}
            data-testid={`${testId}-chart`}
          >
            {chart}
            {note && (
              <p className="mt-2 text-xs text-slate-600" data-testid={`${testId}-note`}>
                {note}
              </p>
            )}
          </div>
          <div
            className={clsx("p-1", view === "table" ? "block" : "hidden print:block")}
            data-testid={`${testId}-table`}
          >
            {table ??
              (view === "table" && tableData && (
                <StatTableView table={tableData} locale={locale} upIsGood={upIsGood} />
              ))}
          </div>
        </>
      )}
    </section>
  );
}
