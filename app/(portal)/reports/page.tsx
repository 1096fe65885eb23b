import Link from "next/link";
import { redirect } from "next/navigation";
import { unitOptions } from "@/components/stats/unit-options";
import { UnitSelect } from "@/components/stats/unit-select";
import { buttonClass } from "@/components/ui/button";
import { Captioned } from "@/components/ui/captioned";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { reportUrlOf } from "@/lib/stats/report-params";
import { reportYears } from "@/lib/stats/years";
import { listUnitsInScope } from "@/lib/units/read-units";

export async function generateMetadata() {
  return { title: (await getT())("nav.reports") };
}

/**
 * Pick a unit and a year or a period (a plain GET form: it works without JavaScript and
 * redirects to the report's own URL), or open a recent year of a unit directly.
 */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "report.view")) return <Forbidden />;
  const sp = await searchParams;
  const target = reportUrlOf(sp);
  if (target) redirect(target);
  const [t, locale, units] = await Promise.all([getT(), getLocale(), listUnitsInScope(user)]);
  // Quick links for the user's own unit and the brigades in scope (squads are reached through the form).
  const listed = units.filter((u) => u.code === user.unitCode || u.kind === "BRIGADE" || u.kind === "DETACHMENT");
  const found = await Promise.all(listed.map((u) => reportYears(u.id)));
  const years = found.map((f) => f.years);
  // The latest year with figures (this year once it has any), not blindly last year.
  const own = found[listed.findIndex((u) => u.code === user.unitCode)];
  const defaultYear = own?.latest ?? own?.years[0];
  const name = (u: { nameZh: string; nameEn: string }) => (locale === "zh" ? u.nameZh : u.nameEn);
  return (
    <div className="space-y-4">
      <PageHeader title={t("nav.reports")} subtitle={t("stats.report.pickerIntro")} />
      {Object.keys(sp).length > 0 && <Alert tone="warning">{t("stats.report.pickerIncomplete")}</Alert>}
      <Card>
        <CardHeader title={t("stats.report.pick")} />
        <CardBody>
          <form method="get" action="/reports" className="flex flex-wrap items-end gap-3" data-testid="report-picker">
            <Captioned label={t("stats.unit")}>
              <UnitSelect
                units={unitOptions(units, locale)}
                defaultValue={sp.unit ?? user.unitCode}
                className="w-auto min-w-56"
                data-testid="report-unit"
              />
            </Captioned>
            <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 px-3 pb-2 pt-1">
              <legend className="px-1 text-xs text-slate-500">{t("stats.period")}</legend>
              <label className="flex h-10 items-center gap-1.5 text-sm">
                <input type="radio" name="mode" value="year" defaultChecked={sp.mode !== "period"} />
                {t("stats.presets.year")}
              </label>
              <Select
                name="year"
                defaultValue={String(sp.year ?? defaultYear ?? "")}
                className="w-auto"
                aria-label={t("stats.year")}
                data-testid="report-year"
              >
                {[...new Set(years.flat())]
                  .sort((a, b) => b - a)
                  .map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
              </Select>
              <label className="flex h-10 items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name="mode"
                  value="period"
                  defaultChecked={sp.mode === "period"}
                  data-testid="report-mode-period"
                />
                {t("stats.presets.custom")}
              </label>
              <Input
                type="date"
                name="from"
                defaultValue={sp.from}
                className="w-40"
                aria-label={t("stats.from")}
                data-testid="report-from"
              />
              <Input
                type="date"
                name="to"
                defaultValue={sp.to}
                className="w-40"
                aria-label={t("stats.to")}
                data-testid="report-to"
              />
            </fieldset>
            <button type="submit" className={buttonClass("primary")} data-testid="report-open">
              {t("stats.report.open")}
            </button>
          </form>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("stats.report.recent")} />
        <ul className="divide-y divide-slate-100" data-testid="report-links">
          {listed.map((u, i) => (
            <li key={u.code} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
              <span className="min-w-64 font-medium">{name(u)}</span>
              <span className="flex flex-wrap gap-2">
                {years[i].map((y) => (
                  <Link
                    key={y}
                    href={`/reports/${encodeURIComponent(u.code)}/${y}`}
                    className="rounded border border-slate-200 px-2 py-0.5 tabular-nums text-brand-700 hover:bg-brand-50"
                    data-testid={`report-link-${u.code}-${y}`}
                  >
                    {y}
                  </Link>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
