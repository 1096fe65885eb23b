import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitProfilesInScope, listUnitsInScope } from "@/lib/units/read-units";
import { UnitEditor } from "./unit-editor";

export default async function UnitsAdminPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "admin.units")) return <Forbidden />;
  const [{ unit: selected }, t, locale, units, profiles] = await Promise.all([
    searchParams,
    getT(),
    getLocale(),
    listUnitsInScope(user),
    listUnitProfilesInScope({ actor: user }),
  ]);
  return (
    <div>
      <PageHeader title={t("admin.unitTree")} subtitle={t("admin.unitCount", { count: units.length })} />
      <UnitEditor
        locale={locale}
        selectedCode={selected ?? units[0]?.code}
        units={units.map((u) => ({
          ...u,
          profiles: profiles.filter((p) => p.unitId === u.id).map(({ updatedAt: _u, ...p }) => p),
        }))}
      />
    </div>
  );
}
