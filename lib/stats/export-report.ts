import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { auditExport, watermarkText } from "@/lib/audit/export-audit";
import type { Locale } from "@/lib/i18n/config";
import { tFor } from "@/lib/i18n/server-free";
import { computeReport, type ReportInput } from "./compute-report";
import { REPORT_SECTIONS, reportPeriodLabel, reportTables } from "./report-tables";
import { reportWorkbookResponse } from "./report-workbook";
import { violationTypeNames } from "./type-names";

/** Every table of the report as one XLSX workbook, in the user's language; audited, watermarked. */
export async function exportReport({
  actor,
  input,
  locale,
}: {
  actor: Actor;
  input: ReportInput;
  locale: Locale;
}): Promise<Response> {
  const [report, typeNames] = await Promise.all([computeReport({ actor, input }), violationTypeNames()]);
  const mark = await auditExport({
    actor,
    input: { action: "report.export", entity: "report", format: "xlsx", filter: input },
  });
  const t = tFor(locale);
  const sections = reportTables(report, { t, locale, typeNames });
  const unit = locale === "zh" ? report.unit.zh : report.unit.en;
  const slug = report.year ? String(report.year) : `${report.period.from}_${report.period.to}`;
  return reportWorkbookResponse({
    tables: REPORT_SECTIONS.flatMap((s) => sections[s]),
    // Blank 去年同期 cells are explained on every sheet: no data, not zero.
    heading: `${unit} ${reportPeriodLabel(report, t)}${report.previousCovered ? "" : ` · ${t("stats.noLastYear")}`}`,
    filename: `${t("stats.report.fileName")}-${report.unit.code}-${slug}`,
    mark,
    watermark: watermarkText(mark, locale),
  });
}
