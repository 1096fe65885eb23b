import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FiguresAsOf } from "@/components/stats/figures-as-of";
import { ReportBody } from "@/components/stats/report/report-body";
import { ReportHeading } from "@/components/stats/report/report-view";
import { Forbidden } from "@/components/ui/notices";
import { LoadingBlock } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { reportInputOf } from "@/lib/stats/report-params";
import { reportUnit } from "@/lib/stats/compute-report";

type Props = {
  params: Promise<{ unitCode: string; year: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const [{ unitCode, year }, t] = await Promise.all([params, getT()]);
  return { title: `${t("nav.reports")} ${decodeURIComponent(unitCode)} ${year}` };
}

/**
 * /reports/{unitCode}/{year}, or any period with ?from=&to= — validated, permission, then
 * the unit's scope before anything streams (another unit's report is a real 404), then the
 * heading at once and the report under a loading state.
 */
export default async function ReportPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "report.view")) return <Forbidden />;
  const input = reportInputOf({ ...(await searchParams), ...(await params) });
  if (!input) notFound();
  const unit = await orNotFound(reportUnit({ actor: user, code: input.unitCode }));
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <>
      <div className="print:hidden">
        <FiguresAsOf />
      </div>
      <article className="report mx-auto max-w-6xl space-y-6" data-testid="report">
        <ReportHeading unit={unit} input={input} t={t} locale={locale} />
        <Suspense key={JSON.stringify(input)} fallback={<LoadingBlock label={t("stats.report.loading")} />}>
          <ReportBody user={user} input={input} unit={unit} t={t} locale={locale} />
        </Suspense>
      </article>
    </>
  );
}
