import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable, EmptyNote } from "@/components/ui/data-table";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { getUnitByCode, listUnitPersonnel } from "@/lib/units/read-units";

/** The figures of a unit's yearly profile, in the order of their columns. */
const PROFILE_FIGURES = ["population", "roadKm", "vehicles", "drivers", "police", "auxiliaries"] as const;

export default async function UnitPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await requirePageUser();
  if (!can(user, "unit.view")) return <Forbidden />;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const [unit, people] = await orNotFound(
    Promise.all([getUnitByCode({ actor: user, code }), listUnitPersonnel({ actor: user, code })]),
  );
  const name = (u: { nameZh: string; nameEn: string }) => (locale === "zh" ? u.nameZh : u.nameEn);
  const ratio = (a?: number | null, b?: number | null) => (a && b ? formatNumber(a / b, locale, { digits: 1 }) : "—");
  return (
    <div className="space-y-4" data-testid="unit-page">
      <PageHeader
        title={name(unit)}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{t(`unitKinds.${unit.kind}`)}</Badge>
            {unit.squadKind && <Badge>{t(`squadKinds.${unit.squadKind}`)}</Badge>}
            <span className="font-mono">{unit.code}</span>
            {unit.parent && <span>· {name(unit.parent)}</span>}
          </span>
        }
      />
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader title={t("admin.profile")} />
          <CardBody>
            <DataTable
              rows={unit.profiles}
              empty={<EmptyNote>{t("units.noProfile")}</EmptyNote>}
              columns={[
                { header: t("admin.year"), cell: (p) => p.year },
                ...PROFILE_FIGURES.map((k) => ({
                  header: t(`admin.${k}`),
                  cell: (p: (typeof unit.profiles)[number]) => formatNumber(p[k], locale),
                })),
                { header: t("units.ratioVehiclesPerPolice"), cell: (p) => ratio(p.vehicles, p.police) },
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("units.children")} />
          <CardBody>
            {unit.children.length === 0 ? (
              <EmptyNote>{t("common.none")}</EmptyNote>
            ) : (
              <ul className="divide-y divide-slate-100">
                {unit.children.map((c) => (
                  <li key={c.id} className="flex items-center justify-between py-2 text-sm">
                    <Link href={`/units/${c.code}`} className="font-medium text-brand-700 hover:underline">
                      {name(c)}
                    </Link>
                    <span className="font-mono text-xs text-slate-500">{c.code}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title={t("units.personnel")} subtitle={t("common.showing", { count: people.length })} />
        <DataTable
          rows={people}
          empty={
            <CardBody>
              <EmptyState title={t("common.empty")} />
            </CardBody>
          }
          columns={[
            { header: t("admin.displayName"), cell: (p) => p.displayName },
            { header: t("admin.badgeNumber"), className: "font-mono", cell: (p) => p.badgeNumber ?? "—" },
            { header: t("admin.role"), cell: (p) => t(`roles.${p.role}`) },
            { header: t("admin.unit"), cell: (p) => name(p.unit) },
            {
              header: t("admin.active"),
              cell: (p) =>
                p.active ? <Badge tone="green">{t("admin.activeYes")}</Badge> : <Badge>{t("admin.activeNo")}</Badge>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
