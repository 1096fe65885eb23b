import { PrintButton } from "@/components/duty/print-button";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { NonceStyle } from "@/components/ui/nonce-style";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime, formatNumber, formatPct } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import { reportPeriod, type Report, type ReportInput, type ReportUnit } from "@/lib/stats/compute-report";
import { drill } from "@/lib/stats/drilldown";
import { isWholeYear } from "@/lib/stats/periods";
import { REPORT_SECTIONS, reportPeriodLabel, type ReportSection } from "@/lib/stats/report-tables";
import type { StatTable } from "@/lib/stats/tables";
import { cssText, pageCounter } from "./print-css";
import { ReportSectionView } from "./report-sections";

/**
 * A4 portrait: smaller type, charts scaled to the column, sections and table rows kept
 * whole where they fit, headings kept with what follows, links printed as plain text.
 */
const PRINT_CSS = `
  html, body { background: #fff !important; }
  main { padding: 0 !important; }
  .report { max-width: none !important; font-size: 10pt; }
  .report h1 { font-size: 17pt; }
  .report h2 { break-after: avoid; }
  .report section { box-shadow: none !important; break-inside: auto; }
  .report [data-testid$="-chart"] { break-inside: avoid; }
  .report tr { break-inside: avoid; }
  .report table { font-size: 9pt; }
  .report td, .report th { padding-top: 2px !important; padding-bottom: 2px !important; }
  .report-section { break-before: auto; }
`;

/** "镇远县…大队2019年道路交通管理统计报表": the report's title, on screen and on every printed page. */
function reportTitle(r: Pick<Report, "unit" | "year" | "period">, t: TFunction, locale: Locale): string {
  return t("stats.report.title", { unit: locale === "zh" ? r.unit.zh : r.unit.en, period: reportPeriodLabel(r, t) });
}

/**
 * The report's heading (the unit above, the title), drawn by the page at once: the figures are
 * computed while it is on screen, and the first paint already holds the page's largest text.
 */
export function ReportHeading({
  unit,
  input,
  t,
  locale,
}: {
  unit: ReportUnit;
  input: ReportInput;
  t: TFunction;
  locale: Locale;
}) {
  const period = reportPeriod(input);
  return (
    <header className="mb-1">
      <p className="text-sm text-slate-500">{locale === "zh" ? unit.parent : unit.parentEn}</p>
      <h1 className="text-2xl font-bold text-slate-900" data-testid="report-title">
        {reportTitle({ unit, year: isWholeYear(period), period }, t, locale)}
      </h1>
    </header>
  );
}

/**
 * The statistics report below its heading (ReportHeading, drawn by the page): the period line
 * and what a printed page keeps (unit, period, page x / y via @page margin boxes, which
 * Chromium's print to PDF honours), the headline figures, and the seven sections, each a chart
 * over its table.
 */
export function ReportView({
  report,
  input,
  tables,
  t,
  locale,
  canDashboard,
  watermark,
}: {
  report: Report;
  input: ReportInput;
  tables: Record<ReportSection, StatTable[]>;
  t: TFunction;
  locale: Locale;
  canDashboard: boolean;
  /** Who prints it, when, from which unit: on every printed page. */
  watermark: string;
}) {
  const title = reportTitle(report, t, locale);
  const a = report.accidents;
  const xlsx = `/api/v1/reports/${encodeURIComponent(report.unit.code)}/xlsx?${"year" in input ? `year=${input.year}` : `from=${input.from}&to=${input.to}`}&lang=${locale}`;
  const pageCss = `@page { size: A4; margin: 18mm 14mm 16mm;
    @top-left { content: "${cssText(title)}"; font-size: 8pt; color: #475569; }
    @top-right { content: "${cssText(report.period.from)} – ${cssText(report.period.to)}"; font-size: 8pt; color: #475569; }
    @bottom-left { content: "${cssText(watermark)}"; font-size: 7pt; color: #64748b; }
    @bottom-right { content: ${pageCounter(t("stats.report.pageOf"))}; font-size: 8pt; color: #475569; } }`;
  const headline: [string, string, number | null][] = [
    [t("stats.cards.accidents"), formatNumber(a.total.value, locale), a.total.yoyPct],
    [t("stats.cards.deaths"), formatNumber(a.deaths.value, locale), a.deaths.yoyPct],
    [
      t("stats.cards.violations"),
      formatNumber(report.violations.total, locale),
      report.violations.totalCompared.yoyPct,
    ],
    [
      t("stats.cards.transactions"),
      formatNumber(report.window.transactions, locale),
      report.window.totalCompared.yoyPct,
    ],
  ];
  return (
    <>
      <NonceStyle
        css={`
          @media print {
            ${pageCss} ${PRINT_CSS}
          }
        `}
      />
      <p className="border-b-4 border-brand-800 pb-3 text-sm text-slate-600">
        {t("stats.periodRange", { from: report.period.from, to: report.period.to })}
        <span className="mx-2 text-slate-300">|</span>
        <span className="whitespace-nowrap">
          {t("stats.comparedWith", { from: report.previousPeriod.from, to: report.previousPeriod.to })}
        </span>
        {!report.previousCovered && (
          <span className="ml-1 font-medium" data-testid="report-no-last-year">
            · {t("stats.noLastYear")}
          </span>
        )}
        <span className="mx-2 text-slate-300">|</span>
        {t("stats.report.generated", { time: formatDateTime(new Date(), locale) })}
      </p>
      <div className="no-print flex flex-wrap items-center gap-2">
        <ButtonLink href="/reports" size="sm">
          {t("stats.report.other")}
        </ButtonLink>
        {canDashboard && (
          <ButtonLink
            href={drill.dashboard(
              report.year
                ? { unit: report.unit.code, period: "year", year: report.year }
                : { unit: report.unit.code, period: "custom", from: report.period.from, to: report.period.to },
            )}
            size="sm"
          >
            {t("stats.report.openDashboard")}
          </ButtonLink>
        )}
        <span className="ml-auto flex gap-2">
          <a className={buttonClass("secondary", "sm")} href={xlsx} download data-testid="report-xlsx">
            {t("stats.report.exportXlsx")}
          </a>
          <PrintButton
            size="sm"
            label={t("stats.report.print")}
            audit={{
              what: "report",
              filter:
                "year" in input
                  ? { unitCode: report.unit.code, year: String(input.year) }
                  : { unitCode: report.unit.code, from: input.from, to: input.to },
            }}
          />
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="report-headline">
        {headline.map(([label, value, pct]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-3 py-2 print:border-slate-400">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
            <dd className="text-xs text-slate-600">
              {report.previousCovered ? (
                <>
                  {t("stats.yoy")} <span className="font-medium tabular-nums">{formatPct(pct)}</span>
                </>
              ) : (
                t("stats.noLastYear")
              )}
            </dd>
          </div>
        ))}
      </dl>
      {REPORT_SECTIONS.map((s, i) => (
        <ReportSectionView key={s} section={s} index={i} tables={tables[s]} report={report} t={t} locale={locale} />
      ))}
    </>
  );
}
