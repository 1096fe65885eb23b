import Link from "next/link";
import { ChartPanel } from "@/components/stats/chart-panel";
import { BarsPanel } from "@/components/stats/bars-panel";
import { Lines } from "@/components/stats/charts/lines";
import type { ChartRow } from "@/components/stats/charts/types";
import { COLORS } from "@/components/stats/colors";
import { StaticHtml } from "@/components/ui/static-html";
import { AccidentHeatmap, heatmapTable } from "@/components/stats/heatmap";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { Dashboard } from "@/lib/stats/dashboard";
import { drill, type DrillScope } from "@/lib/stats/drilldown";
import { type ComparedCount, comparedCountTable, type StatTable } from "@/lib/stats/tables";
import { yoyPct } from "@/lib/stats/yoy";
import type { Links } from "./cards";

type Metric = "accidents" | "violations";

/**
 * The dashboard's charts, each with its table. Chart rows and table rows are built from
 * the same figures here, and both carry the drill-down link of their category.
 */
export function DashboardCharts({
  data,
  t,
  locale,
  scope,
  links,
  query,
}: {
  data: Dashboard;
  t: TFunction;
  locale: Locale;
  scope: DrillScope;
  links: Links;
  /** The page's period query, kept when opening a sub-unit's dashboard. */
  query: { period: string; year?: number; from?: string; to?: string };
}) {
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "zh" ? x.nameZh : x.nameEn);
  const year = Number(data.period.to.slice(0, 4));
  const lastMonth = Number(data.period.to.slice(5, 7));
  const monthLabel = (m: number) => t(`stats.monthNames.${m}`);

  const trend = (metric: Metric) => {
    const ok = metric === "accidents" ? links.accidents : links.violations;
    const rows = data.charts.monthly.map((m) => ({
      label: monthLabel(m.month),
      thisYear: m.month <= lastMonth && m.thisYear ? m.thisYear[metric] : null,
      lastYear: m.lastYear ? m.lastYear[metric] : null,
      href: ok ? drill.month(metric, scope.unitCode, year, m.month) : undefined,
    }));
    const table: StatTable = {
      key: `monthly-${metric}`,
      title: t(`stats.charts.monthly.${metric}`),
      columns: [
        { key: "month", label: t("stats.month"), kind: "text" },
        { key: "thisYear", label: String(year) },
        { key: "lastYear", label: String(year - 1) },
        { key: "yoy", label: t("stats.yoy"), kind: "pct" },
      ],
      rows: rows.map((r) => ({
        href: r.href,
        cells: {
          month: r.label,
          thisYear: r.thisYear,
          lastYear: r.lastYear,
          yoy: r.thisYear === null ? null : yoyPct(r.thisYear, r.lastYear),
        },
      })),
    };
    // A year without data has no line, and its legend says so.
    const noLastYear = rows.every((r) => r.lastYear === null);
    const series = [
      {
        key: "thisYear",
        name: t("stats.yearN", { n: year }),
        color: metric === "accidents" ? COLORS.accidents : COLORS.thisYear,
      },
      {
        key: "lastYear",
        name: noLastYear ? t("stats.yearNoData", { n: year - 1 }) : t("stats.yearN", { n: year - 1 }),
        color: COLORS.lastYear,
        dashed: true,
      },
    ];
    return (
      <ChartPanel
        key={metric}
        testId={`chart-monthly-${metric}`}
        title={t(`stats.charts.monthly.${metric}`)}
        subtitle={t("stats.charts.monthlyHint")}
        empty={rows.some((r) => r.thisYear || r.lastYear) ? undefined : t("stats.noData")}
        note={noLastYear ? t("stats.noLastYearNote", { n: year - 1 }) : undefined}
        chart={<Lines rows={rows} series={series} locale={locale} label={t(`stats.charts.monthly.${metric}`)} />}
        tableData={table}
      />
    );
  };

  const noLastYear = !data.coverage.lastYear;
  const empty = t("stats.noData");
  /** Bars of this period against the same period last year (not drawn without its data), and their table. */
  const comparedPanel = (o: {
    testId: string;
    title: string;
    subtitle?: string;
    color: string;
    rows: (ComparedCount & ChartRow)[];
    /** The bars drawn, when fewer than the table's rows. */
    chartRows?: ChartRow[];
    table: { key: string; column: { key: string; label: string }; upIsGood?: boolean };
  }) => (
    <BarsPanel
      testId={o.testId}
      title={o.title}
      subtitle={o.subtitle}
      empty={o.rows.length ? undefined : empty}
      note={noLastYear ? t("stats.noLastYear") : undefined}
      rows={o.chartRows ?? o.rows}
      locale={locale}
      series={[
        { key: "count", name: t("stats.thisPeriod"), color: o.color },
        ...(noLastYear ? [] : [{ key: "lastYear", name: t("stats.samePeriodLastYear"), color: COLORS.lastYear }]),
      ]}
      table={comparedCountTable(t, { ...o.table, title: o.title, rows: o.rows })}
    />
  );
  const types = data.charts.violationsByType
    .filter((x) => x.count > 0 || (x.lastYear ?? 0) > 0)
    .map((x) => ({
      label: name(x),
      count: x.count,
      lastYear: x.lastYear,
      href: links.violations ? drill.violations(scope, { type: x.key }) : undefined,
    }));

  const subs = data.charts.subUnits;
  const subRows = subs.map((s) => ({
    label: name(s),
    violations: s.violations,
    accidents: s.accidents,
    href: drill.dashboard({ ...query, unit: s.code }),
  }));
  const subTable: StatTable = {
    key: "sub-units",
    title: t("stats.charts.subUnits"),
    columns: [
      { key: "unit", label: t("stats.unit"), kind: "text" },
      { key: "violations", label: t("stats.cards.violations") },
      { key: "serious", label: t("stats.cards.seriousViolations") },
      { key: "accidents", label: t("stats.cards.accidents") },
      { key: "deaths", label: t("stats.cards.deaths") },
      { key: "injured", label: t("stats.cards.injured") },
    ],
    rows: subs.map((s, i) => ({
      href: subRows[i].href,
      cells: {
        unit: name(s),
        violations: s.violations,
        serious: s.serious,
        accidents: s.accidents,
        deaths: s.deaths,
        injured: s.injured,
      },
    })),
  };

  const cat = data.charts.windowByCategory;
  const catRows = cat.map((x) => ({
    label: t(`window.categories.${x.key}`),
    count: x.count,
    lastYear: x.lastYear,
    href: links.window ? drill.transactions(scope, { category: x.key }) : undefined,
  }));
  const chan = data.charts.windowByChannel;
  const chanRows = chan.map((x) => ({
    label: t(`window.channels.${x.key}`),
    count: x.count,
    href: links.window ? drill.transactions(scope, { channel: x.key }) : undefined,
  }));
  const chanTotal = chan.reduce((s, x) => s + x.count, 0);
  const chanTable: StatTable = {
    key: "window-by-channel",
    title: t("stats.charts.windowByChannel"),
    columns: [
      { key: "channel", label: t("stats.channel"), kind: "text" },
      { key: "count", label: t("stats.thisPeriod") },
      { key: "share", label: t("stats.share"), kind: "rate" },
    ],
    rows: chanRows.map((r) => ({
      href: r.href,
      cells: {
        channel: r.label,
        count: r.count,
        share: chanTotal ? Math.round((r.count / chanTotal) * 10_000) / 100 : null,
      },
    })),
  };
  const heatTotal = data.charts.accidentHeatmap.reduce((s, c) => s + c.n, 0);

  return (
    <div className="space-y-4">
      <ChartPanel
        testId="chart-heatmap"
        title={t("stats.charts.heatmap")}
        subtitle={t("stats.charts.heatmapHint")}
        empty={heatTotal ? undefined : empty}
        action={
          links.accidents ? (
            <Link href={drill.accidents(scope)} prefetch={false} className="text-xs text-brand-700 hover:underline">
              {t("stats.openList")}
            </Link>
          ) : undefined
        }
        chart={
          <StaticHtml>
            <AccidentHeatmap cells={data.charts.accidentHeatmap} t={t} locale={locale} />
          </StaticHtml>
        }
        tableData={heatmapTable(data.charts.accidentHeatmap, t)}
      />
      <div className="grid gap-4 xl:grid-cols-2">
        {trend("accidents")}
        {trend("violations")}
      </div>
      <div className={subs.length ? "grid gap-4 xl:grid-cols-2" : "grid gap-4"}>
        {comparedPanel({
          testId: "chart-violations-by-type",
          title: t("stats.charts.violationsByType"),
          subtitle: t(noLastYear ? "stats.charts.top10Only" : "stats.charts.top10"),
          color: COLORS.thisYear,
          rows: types,
          chartRows: types.slice(0, 10),
          table: { key: "violations-by-type", column: { key: "type", label: t("stats.violationType") } },
        })}
        {subs.length > 0 && (
          <BarsPanel
            testId="chart-sub-units"
            empty={subs.some((x) => x.violations || x.accidents) ? undefined : empty}
            title={t("stats.charts.subUnits")}
            subtitle={t("stats.charts.subUnitsHint")}
            rows={subRows}
            locale={locale}
            series={[
              { key: "violations", name: t("stats.cards.violations"), color: COLORS.thisYear },
              { key: "accidents", name: t("stats.cards.accidents"), color: COLORS.accidents, axis: "right" },
            ]}
            table={subTable}
          />
        )}
      </div>
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        {comparedPanel({
          testId: "chart-window-category",
          title: t("stats.charts.windowByCategory"),
          color: COLORS.window,
          rows: catRows,
          table: { key: "window-by-category", column: { key: "category", label: t("stats.business") }, upIsGood: true },
        })}
        <BarsPanel
          testId="chart-window-channel"
          title={t("stats.charts.windowByChannel")}
          empty={chan.length ? undefined : empty}
          rows={chanRows}
          locale={locale}
          series={[{ key: "count", name: t("stats.thisPeriod"), color: COLORS.window }]}
          table={chanTable}
        />
      </div>
    </div>
  );
}
