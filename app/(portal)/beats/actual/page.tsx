import { notFound } from "next/navigation";
import { BeatActualCard } from "@/components/duty/actual/beat-actual-card";
import { UnitPicker } from "@/components/duty/unit-picker";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { dailyCoverage } from "@/lib/duty/plan-vs-actual";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { addDays, localDate } from "@/lib/time";
import { listUnitsInScope } from "@/lib/units/read-units";
import { zDay } from "@/lib/validation";

export default async function ActualPage({ searchParams }: { searchParams: Promise<{ unit?: string; day?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "beat.view")) return <Forbidden />;
  const [sp, t, locale, units] = await Promise.all([searchParams, getT(), getLocale(), listUnitsInScope(user)]);
  const dutyUnits = units.filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD");
  if (!dutyUnits.length) return <EmptyState title={t("duty.actual.empty")} />;
  const unitCode = sp.unit ?? dutyUnits[0].code;
  const day = sp.day && zDay.safeParse(sp.day).success ? sp.day : localDate(new Date());
  const cov = await dailyCoverage({ actor: user, input: { unitCode, day } }).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID")) notFound();
    throw e;
  });
  const label = (u: { nameZh: string; nameEn: string }) => (locale === "zh" ? u.nameZh : u.nameEn);
  const qs = (d: string) => `/beats/actual?unit=${encodeURIComponent(unitCode)}&day=${d}`;
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : "—");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("duty.actual.title")}
        subtitle={`${label(cov.unit)} · ${day}`}
        actions={
          <UnitPicker
            units={dutyUnits.map((u) => ({ code: u.code, label: label(u) }))}
            value={unitCode}
            label={t("duty.actual.squad")}
          />
        }
      />
      <nav className="flex gap-2">
        <ButtonLink size="sm" href={qs(addDays(day, -1))}>
          ← {addDays(day, -1)}
        </ButtonLink>
        <ButtonLink size="sm" href={qs(localDate(new Date()))}>
          {t("duty.actual.today")}
        </ButtonLink>
        <ButtonLink size="sm" href={qs(addDays(day, 1))}>
          {addDays(day, 1)} →
        </ButtonLink>
      </nav>
      <Card>
        <Table data-testid="coverage">
          <thead>
            <tr>
              <Th>{t("duty.actual.squad")}</Th>
              <Th>{t("duty.actual.beats")}</Th>
              <Th>{t("duty.actual.pointsReached")}</Th>
              <Th>{t("duty.actual.insideShare")}</Th>
              <Th>{t("duty.actual.gridsCovered")}</Th>
            </tr>
          </thead>
          <tbody>
            {cov.squads.map((s) => (
              <Tr key={s.unit.code}>
                <Td className="whitespace-nowrap">{label(s.unit)}</Td>
                <Td>{s.beats}</Td>
                <Td>
                  {s.pointsReached}/{s.pointsPlanned} ({pct(s.pointsReached, s.pointsPlanned)})
                </Td>
                <Td>{s.insideShare === null ? "—" : `${Math.round(s.insideShare * 100)}%`}</Td>
                <Td>
                  {s.gridsCovered}/{s.gridsTotal}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {cov.beats.length === 0 ? (
        <EmptyState title={t("duty.actual.empty")} />
      ) : (
        <div className="grid gap-3 lg:grid-cols-2">
          {cov.beats.map((b) => (
            <BeatActualCard key={b.beat.id} item={b} t={t} />
          ))}
        </div>
      )}
    </div>
  );
}
