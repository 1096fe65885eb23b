import { ChartPanel } from "@/components/stats/chart-panel";
import { Bars } from "@/components/stats/charts/bars";
import { Lines } from "@/components/stats/charts/lines";
import type { ChartRow } from "@/components/stats/charts/types";
import { COLORS } from "@/components/stats/colors";
import { StatTableView } from "@/components/stats/stat-table";
import { StaticHtml } from "@/components/ui/static-html";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { Report } from "@/lib/stats/compute-report";
import type { ReportSection } from "@/lib/stats/report-tables";
import type { StatTable } from "@/lib/stats/tables";

interface PanelSpec {
  table: StatTable;
  rows: ChartRow[];
  series: { key: string; name: string; color: string }[];
  kind?: "bar" | "line";
  percent?: boolean;
  upIsGood?: boolean;
}

/** Rows of a table as chart rows: category from the first column, value from `col`, skipping totals (or only `keys`). */
function fromTable(table: StatTable, col: string, opts: { limit?: number; keys?: string[] } = {}): ChartRow[] {
  const first = table.columns[0].key;
  return table.rows
    .filter((r) => !r.strong && (!opts.keys || opts.keys.includes(r.key ?? "")) && typeof r.cells[col] === "number")
    .slice(0, opts.limit ?? 99)
    .map((r) => ({ label: String(r.cells[first]), value: r.cells[col] as number, href: r.href }));
}

/** The hour table holds 0–11 and 12–23 side by side; the chart runs 0 to 23. */
function hourRows(table: StatTable): ChartRow[] {
  const half = (suffix: string) =>
    table.rows.map((r) => ({
      label: String(r.cells[`hour${suffix}`]).slice(0, 2),
      value: r.cells[`count${suffix}`] as number,
    }));
  return [...half(""), ...half("Pm")];
}

/**
 * The chart of every report table: the charts are drawn from the table rows, so a figure
 * in a chart is always the figure in the table under it.
 */
export function sectionPanels(section: ReportSection, tables: StatTable[], r: Report, t: TFunction): PanelSpec[] {
  const one = (name: string, color: string) => [{ key: "value", name, color }];
  switch (section) {
    case "profile": {
      const [profile] = tables;
      // Vehicles and drivers per police officer (one unit: per officer; road km per officer is
      // another unit and stays in the table), or the squads when no profile is on file.
      const keys = r.profile ? ["vehiclesPerPolice", "driversPerPolice"] : ["urbanSquads", "ruralAreaSquads"];
      return [
        {
          table: profile,
          rows: fromTable(profile, "value", { keys }),
          series: one(t("stats.value"), COLORS.thisYear),
        },
      ];
    }
    case "accidents": {
      const [acc, byHour] = tables;
      const yoyRows = acc.rows
        .filter((row) => typeof row.cells.yoy === "number")
        .map((row) => {
          const y = row.cells.yoy as number;
          const good = row.upIsGood ? y > 0 : y < 0;
          return {
            label: String(row.cells.item),
            value: y,
            href: row.href,
            fill: y === 0 ? COLORS.neutral : good ? COLORS.good : COLORS.bad,
          };
        });
      return [
        {
          table: acc,
          rows: yoyRows,
          series: one(t("stats.yoy"), COLORS.accidents),
          percent: true,
        },
        {
          table: byHour,
          rows: hourRows(byHour),
          series: one(t("stats.cards.accidents"), COLORS.accidents),
          kind: "line",
        },
      ];
    }
    case "violations": {
      const [byType, enforcement] = tables;
      const sources = fromTable(enforcement, "value", {
        keys: enforcement.rows.map((x) => x.key ?? "").filter((k) => k.startsWith("source:")),
      });
      return [
        {
          table: byType,
          rows: fromTable(byType, "count", { limit: 12 }),
          series: one(t("stats.thisPeriod"), COLORS.thisYear),
        },
        {
          table: enforcement,
          rows: sources,
          series: one(t("stats.thisPeriod"), COLORS.thisYear),
        },
      ];
    }
    case "window": {
      const [business, channel, service] = tables;
      const small = ["outreachTrips", "servicePoints", "difficultCases", "difficultCasesSolved", "complaints"];
      return [
        {
          table: business,
          rows: fromTable(business, "count"),
          series: one(t("stats.thisPeriod"), COLORS.window),
        },
        {
          table: channel,
          rows: fromTable(channel, "count"),
          series: one(t("stats.thisPeriod"), COLORS.window),
        },
        {
          table: service,
          rows: fromTable(service, "value", { keys: small }),
          series: one(t("stats.value"), COLORS.window),
        },
      ];
    }
    case "hazards": {
      const [hz] = tables;
      return [
        {
          table: hz,
          rows: fromTable(hz, "value", { keys: ["found", "closed", "openNow"] }),
          series: one(t("stats.value"), COLORS.hazards),
        },
      ];
    }
    case "incidents": {
      const [response, byKind, bySource] = tables;
      return [
        {
          table: response,
          rows: fromTable(response, "value", { keys: ["dispatchMedian", "dispatchP90", "arriveMedian", "arriveP90"] }),
          series: one(t("stats.thisPeriod"), COLORS.thisYear),
        },
        ...[byKind, bySource].map((table) => ({
          table,
          rows: fromTable(table, "count"),
          series: one(t("stats.thisPeriod"), COLORS.thisYear),
        })),
      ];
    }
    default: {
      const [table] = tables;
      return [
        {
          table,
          rows: fromTable(table, "value"),
          series: one(t("stats.value"), COLORS.thisYear),
        },
      ];
    }
  }
}

export function ReportSectionView({
  section,
  tables,
  report,
  t,
  locale,
  index,
}: {
  section: ReportSection;
  tables: StatTable[];
  report: Report;
  t: TFunction;
  locale: Locale;
  index: number;
}) {
  const panels = sectionPanels(section, tables, report, t);
  return (
    <section className="report-section space-y-3" data-testid={`report-${section}`} aria-labelledby={`h-${section}`}>
      <h2 id={`h-${section}`} className="border-b-2 border-brand-700 pb-1 text-lg font-semibold text-slate-900">
        {index + 1}. {t(`stats.report.sections.${section}`)}
      </h2>
      {section === "profile" && !report.profile && (
        <p className="text-sm text-slate-500">{t("stats.report.noProfile")}</p>
      )}
      <div className="space-y-3">
        {panels.map((p) => {
          const props = { rows: p.rows, series: p.series, percent: p.percent, label: p.table.title, locale };
          return (
            <ChartPanel
              key={p.table.key}
              testId={`panel-${p.table.key}`}
              title={p.table.title}
              both
              // A year before incidents were recorded (2019) has no 接处警 figures: said, not drawn empty.
              empty={p.rows.length ? undefined : t("stats.noData")}
              chart={p.kind === "line" ? <Lines {...props} height={180} /> : <Bars {...props} />}
              table={
                <StaticHtml>
                  <StatTableView table={p.table} locale={locale} />
                </StaticHtml>
              }
            />
          );
        })}
      </div>
    </section>
  );
}
