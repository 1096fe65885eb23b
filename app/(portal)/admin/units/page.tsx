import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can, underPath } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { UnitEditor } from "./unit-editor";

export default async function UnitsAdminPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "admin.units")) return <Forbidden />;
  const [{ unit: selected }, t, locale, units] = await Promise.all([
    searchParams,
    getT(),
    getLocale(),
    listUnitsInScope(user),
  ]);
  const profiles = await db.unitProfile.findMany({
    where: { unit: { path: underPath(user.unitPath) } },
    orderBy: { year: "desc" },
  });
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
