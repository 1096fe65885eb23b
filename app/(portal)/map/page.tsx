import { DutyMapLoader } from "@/components/duty/map/duty-map-loader";
import { UnitPicker } from "@/components/duty/unit-picker";
import { Forbidden } from "@/components/ui/notices";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { dutyMapData } from "@/lib/duty/map-data";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { listUnitsInScope } from "@/lib/units/read-units";

export const metadata = { title: "勤务一张图" };

export default async function MapPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "map.view")) return <Forbidden />;
  const [{ unit }, t, locale, units] = await Promise.all([searchParams, getT(), getLocale(), listUnitsInScope(user)]);
  const data = await orNotFound(dutyMapData({ actor: user, unitCode: unit }));
  const options = units
    .filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD" || u.code === user.unitCode)
    .map((u) => ({ code: u.code, label: locale === "zh" ? u.nameZh : u.nameEn }));
  return (
    <div className="flex h-[calc(100dvh-3.5rem-1.5rem)] min-h-[640px] flex-col gap-3 md:h-[calc(100dvh-3.5rem-3rem)]">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("duty.map.title")}</h1>
        {options.length > 1 && (
          <UnitPicker units={options} value={data.unitCode} label={t("duty.map.unit")} testId="map-unit" />
        )}
      </div>
      <div className="min-h-0 flex-1">
        <DutyMapLoader data={data} />
      </div>
    </div>
  );
}
