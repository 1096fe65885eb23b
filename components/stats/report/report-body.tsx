import { can, type SessionUser } from "@/lib/auth/actor";
import { exportMark, watermarkText } from "@/lib/audit/export-audit";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import { computeReport, type ReportInput, type ReportUnit } from "@/lib/stats/compute-report";
import { reportTables } from "@/lib/stats/report-tables";
import { violationTypeNames } from "@/lib/stats/type-names";
import { ReportView } from "./report-view";

/** Computes the report and its tables (the page shows a loading state meanwhile). */
export async function ReportBody({
  user,
  input,
  unit,
  t,
  locale,
}: {
  user: SessionUser;
  input: ReportInput;
  /** The unit the page read (and scoped) for the heading. */
  unit: ReportUnit;
  t: TFunction;
  locale: Locale;
}) {
  const [report, typeNames, mark] = await Promise.all([
    computeReport({ actor: user, input, unit }),
    violationTypeNames(),
    exportMark(user),
  ]);
  const links = {
    scope: { unitCode: report.unit.code, period: report.period },
    violations: can(user, "violation.view"),
    accidents: can(user, "accident.view"),
    window: can(user, "window.view"),
    hazards: can(user, "hazard.view"),
  };
  const tables = reportTables(report, { t, locale, typeNames, links });
  return (
    <ReportView
      report={report}
      input={input}
      tables={tables}
      t={t}
      locale={locale}
      canDashboard={can(user, "dashboard.view")}
      watermark={watermarkText(mark, locale)}
    />
  );
}
