import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DashboardBody } from "@/components/stats/dashboard/body";
import { FiguresAsOf } from "@/components/stats/figures-as-of";
import { PeriodFilters } from "@/components/stats/period-filters";
import { unitOptions } from "@/components/stats/unit-options";
import { ButtonLink } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Alert, LoadingBlock } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { dashboardQuerySchema } from "@/lib/stats/dashboard";
import { PRESETS, previousYear, resolvePeriod } from "@/lib/stats/periods";
import { yearsWithData } from "@/lib/stats/years";
import { listUnitsInScope } from "@/lib/units/read-units";
import { listQuery } from "@/lib/list-query";

export async function generateMetadata() {
  return { title: (await getT())("nav.dashboard") };
}

/**
 * /dashboard?unit=&period=&year=&from=&to= — query validated, permission, then the unit's
 * scope *before* anything streams (another unit's dashboard is a real 404), then the
 * header and pickers at once and the figures under a loading state.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "dashboard.view")) return <Forbidden />;
  const sp = await searchParams;
  const { input, valid } = listQuery(dashboardQuerySchema, sp);
  const [t, locale, units] = await Promise.all([getT(), getLocale(), listUnitsInScope(user)]);
  const unit = units.find((u) => u.code === (input.unit ?? user.unitCode));
  if (!unit) notFound();
  const years = await yearsWithData(unit.id);
  const period = resolvePeriod(input);
  const lastYear = previousYear(period);
  const reportYear = Number(period.to.slice(0, 4));
  return (
    <div className="space-y-4" data-testid="dashboard">
      <PageHeader
        title={`${t("stats.dashboardTitle")} · ${locale === "zh" ? unit.nameZh : unit.nameEn}`}
        subtitle={
          <span data-testid="dashboard-period" className="flex flex-wrap gap-x-3">
            {/* Each range stays on one line: on a phone the comparison moves down whole, not mid-date. */}
            <span className="whitespace-nowrap">{t("stats.periodRange", { from: period.from, to: period.to })}</span>
            <span className="whitespace-nowrap text-slate-600" data-testid="dashboard-compared">
              {t("stats.comparedWith", { from: lastYear.from, to: lastYear.to })}
            </span>
          </span>
        }
        actions={
          can(user, "report.view") ? (
            <ButtonLink href={`/reports/${unit.code}/${reportYear}`} size="sm">
              {t("stats.openReport")}
            </ButtonLink>
          ) : undefined
        }
      />
      <PeriodFilters
        units={unitOptions(units, locale)}
        value={{
          unit: unit.code,
          period: input.period,
          year: input.year ?? reportYear,
          from: input.from ?? period.from,
          to: input.to ?? period.to,
        }}
        years={years}
        presets={PRESETS}
      />
      {!valid && <Alert tone="warning">{t("stats.invalidPeriod")}</Alert>}
      <FiguresAsOf />
      <Suspense
        key={JSON.stringify({ ...input, unit: unit.code })}
        fallback={<LoadingBlock label={t("stats.loadingDashboard")} />}
      >
        <DashboardBody user={user} input={{ ...input, unit: unit.code }} t={t} locale={locale} />
      </Suspense>
    </div>
  );
}
