import { Suspense } from "react";
import { StaticHtml } from "@/components/ui/static-html";
import type { SessionUser } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import { getDashboard, type DashboardQuery } from "@/lib/stats/dashboard";
import { DashboardCards } from "./cards";
import { DashboardCharts } from "./charts";
import { HotspotPanels, HotspotsLoading } from "./hotspots";
import { IncidentPanels } from "@/components/incidents/dashboard-panel";

/** Presets whose previous period (环比) is worth showing; a year to date against the 325 days before it is not. */
const SHORT = new Set(["today", "week", "month", "custom"]);

/**
 * The figures of the dashboard, read while the page's header and pickers are already on
 * screen (the page wraps this in Suspense). The black spots stream in after them.
 */
export async function DashboardBody({
  user,
  input,
  t,
  locale,
}: {
  user: SessionUser;
  input: DashboardQuery;
  t: TFunction;
  locale: Locale;
}) {
  const data = await getDashboard({ actor: user, input });
  const scope = { unitCode: data.unit.code, period: data.period };
  const links = {
    violations: can(user, "violation.view"),
    accidents: can(user, "accident.view"),
    window: can(user, "window.view"),
    hazards: can(user, "hazard.view"),
    map: can(user, "map.view"),
  };
  const query = { period: input.period, year: input.year, from: input.from, to: input.to };
  return (
    <div className="space-y-4">
      <StaticHtml>
        <DashboardCards
          data={data}
          t={t}
          locale={locale}
          scope={scope}
          links={links}
          showPop={SHORT.has(input.period)}
        />
      </StaticHtml>
      <Suspense fallback={<HotspotsLoading label={t("common.loading")} />}>
        <IncidentPanels actor={user} unitCode={data.unit.code} period={data.period} t={t} locale={locale} />
      </Suspense>
      <DashboardCharts data={data} t={t} locale={locale} scope={scope} links={links} query={query} />
      <Suspense fallback={<HotspotsLoading label={t("common.loading")} />}>
        <HotspotPanels actor={user} unitCode={data.unit.code} period={data.period} t={t} locale={locale} />
      </Suspense>
    </div>
  );
}
