import Link from "next/link";
import { notFound } from "next/navigation";
import { GeoJsonImport } from "@/components/duty/grids/geojson-import";
import { SettingsForm } from "@/components/duty/grids/settings-form";
import { UnitPicker } from "@/components/duty/unit-picker";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { listGrids } from "@/lib/duty/list-grids";
import { dutyUnitByCode } from "@/lib/duty/scope";
import { getDutySettings } from "@/lib/duty/settings";
import { isAppError } from "@/lib/errors";
import { formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";

const TONE = { red: "red", yellow: "yellow", green: "green" } as const;

export default async function GridsPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "grid.view")) return <Forbidden />;
  const [sp, t, locale, units] = await Promise.all([searchParams, getT(), getLocale(), listUnitsInScope(user)]);
  const dutyUnits = units.filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD");
  if (dutyUnits.length === 0) return <EmptyState title={t("duty.grids.empty")} />;
  const unitCode = sp.unit ?? dutyUnits[0].code;
  const fail = (e: unknown): never => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID")) notFound();
    throw e;
  };
  const unit = await dutyUnitByCode({ actor: user, code: unitCode }).catch(fail);
  const [{ items }, settings] = await Promise.all([
    listGrids({ actor: user, input: { unit: unitCode } }).catch(fail),
    getDutySettings(unit.brigade.id),
  ]);
  const label = (u: { nameZh: string; nameEn: string }) => (locale === "zh" ? u.nameZh : u.nameEn);
  const manage = can(user, "grid.manage");
  const squadForNew = unit.kind === "SQUAD" ? unit.code : dutyUnits.find((u) => u.kind === "SQUAD")?.code;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("duty.grids.title")}
        subtitle={t("duty.grids.subtitle")}
        actions={
          <>
            <UnitPicker
              units={dutyUnits.map((u) => ({ code: u.code, label: label(u) }))}
              value={unitCode}
              label={t("duty.grids.squad")}
              testId="grids-unit"
            />
            {manage && squadForNew && (
              <ButtonLink
                href={`/beats/grids/new?unit=${encodeURIComponent(squadForNew)}`}
                variant="primary"
                data-testid="new-grid"
              >
                {t("duty.grids.new")}
              </ButtonLink>
            )}
          </>
        }
      />
      {items.length === 0 ? (
        <EmptyState title={t("duty.grids.empty")} body={t("duty.grids.emptyBody")} />
      ) : (
        <Card>
          <Table data-testid="grids-table">
            <thead>
              <tr>
                <Th>{t("duty.grids.name")}</Th>
                <Th>{t("duty.grids.squad")}</Th>
                <Th>{t("duty.grids.kind")}</Th>
                <Th>{t("duty.grids.risk")}</Th>
                <Th>{t("duty.grids.accidents12m")}</Th>
                <Th>{t("duty.grids.drivers")}</Th>
                <Th>{t("duty.grids.roadKm")}</Th>
                <Th>{t("duty.grids.difficulty")}</Th>
                <Th>{t("duty.grids.availablePolice")}</Th>
                <Th>{t("duty.grids.workload")}</Th>
                <Th>{t("duty.grids.staffing")}</Th>
                <Th>
                  {t("duty.grids.segments")}/{t("duty.grids.points")}
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <Tr key={g.id}>
                  <Td className="whitespace-nowrap font-medium">
                    <Link href={`/beats/grids/${g.id}`} className="text-brand-700 hover:underline">
                      {g.name}
                    </Link>
                    {g.demo && (
                      <Badge className="ml-1" tone="purple">
                        demo
                      </Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{label(g.unit).replace(/[（(].*[)）]$/, "")}</Td>
                  <Td>{t(`duty.kinds.${g.kind}`)}</Td>
                  <Td>
                    <span title={t("duty.risk.why", { days: settings.riskWindowDays, ...g.risk })}>
                      <Badge tone={TONE[g.risk.colour]}>
                        {t(`duty.risk.${g.risk.colour}`)} · {g.risk.score}
                      </Badge>
                      <span className="mt-0.5 block whitespace-nowrap text-xs text-slate-500">
                        {t("duty.risk.short", { ...g.risk })}
                      </span>
                    </span>
                  </Td>
                  <Td>{g.accidents12m}</Td>
                  <Td>{formatNumber(g.drivers, locale)}</Td>
                  <Td>{formatNumber(g.roadKm, locale)}</Td>
                  <Td>{g.difficulty}</Td>
                  <Td>{g.availablePolice ?? "—"}</Td>
                  <Td>{g.staffing.workload}</Td>
                  <Td className={g.staffing.policeShortfall ? "whitespace-nowrap text-amber-700" : "whitespace-nowrap"}>
                    {t("duty.board.suggested", { police: g.staffing.police, aux: g.staffing.auxiliaries })}
                  </Td>
                  <Td>
                    {g.segmentCount}/{g.pointCount}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {manage && (
        <div className="grid gap-4 xl:grid-cols-2">
          <Card>
            <CardHeader title={t("duty.grids.import")} subtitle={t("duty.grids.importHelp")} />
            <CardBody>
              <GeoJsonImport unitCode={unitCode} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={`${t("duty.grids.settings")} · ${unit.brigade.code}`} />
            <CardBody>
              <SettingsForm unitCode={unit.brigade.code} settings={settings} />
            </CardBody>
          </Card>
        </div>
      )}
    </div>
  );
}
