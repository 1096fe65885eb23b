import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { getUnitByCode, listUnitPersonnel } from "@/lib/units/read-units";

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
            {unit.profiles.length === 0 ? (
              <p className="text-sm text-slate-500">{t("units.noProfile")}</p>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>{t("admin.year")}</Th>
                    <Th>{t("admin.population")}</Th>
                    <Th>{t("admin.roadKm")}</Th>
                    <Th>{t("admin.vehicles")}</Th>
                    <Th>{t("admin.drivers")}</Th>
                    <Th>{t("admin.police")}</Th>
                    <Th>{t("admin.auxiliaries")}</Th>
                    <Th>{t("units.ratioVehiclesPerPolice")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {unit.profiles.map((p) => (
                    <Tr key={p.id}>
                      <Td>{p.year}</Td>
                      <Td>{formatNumber(p.population, locale)}</Td>
                      <Td>{formatNumber(p.roadKm, locale)}</Td>
                      <Td>{formatNumber(p.vehicles, locale)}</Td>
                      <Td>{formatNumber(p.drivers, locale)}</Td>
                      <Td>{formatNumber(p.police, locale)}</Td>
                      <Td>{formatNumber(p.auxiliaries, locale)}</Td>
                      <Td>{ratio(p.vehicles, p.police)}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("units.children")} />
          <CardBody>
            {unit.children.length === 0 ? (
              <p className="text-sm text-slate-500">{t("common.none")}</p>
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
        {people.length === 0 ? (
          <CardBody>
            <EmptyState title={t("common.empty")} />
          </CardBody>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("admin.displayName")}</Th>
                <Th>{t("admin.badgeNumber")}</Th>
                <Th>{t("admin.role")}</Th>
                <Th>{t("admin.unit")}</Th>
                <Th>{t("admin.active")}</Th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <Tr key={p.id}>
                  <Td>{p.displayName}</Td>
                  <Td className="font-mono">{p.badgeNumber ?? "—"}</Td>
                  <Td>{t(`roles.${p.role}`)}</Td>
                  <Td>{name(p.unit)}</Td>
                  <Td>
                    {p.active ? (
                      <Badge tone="green">{t("admin.activeYes")}</Badge>
                    ) : (
                      <Badge>{t("admin.activeNo")}</Badge>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
