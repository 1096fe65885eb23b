import { AccidentActions } from "@/components/records/accident-actions";
import { SeverityBadge } from "@/components/records/badges";
import { DetailList } from "@/components/records/detail-list";
import { RecordPhotos } from "@/components/field/record-photos";
import { RecordHistory } from "@/components/ui/record-history";
import { ChainCard } from "@/components/records/chain-links";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getAccident } from "@/lib/accidents/read-accidents";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { maskIdCard, maskName } from "@/lib/identity/id-card";
import { orNotFound, pageId } from "@/lib/pages";
import { unitsById } from "@/lib/records/units";

export default async function AccidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "accident.view")) return <Forbidden />;
  const id = await pageId(params);
  const a = await orNotFound(getAccident({ actor: user, id }));
  const [t, locale, units] = await Promise.all([getT(), getLocale(), unitsById([a.unitId])]);
  const unit = units.get(a.unitId);
  const opt = (v: string | null, ns: string) => (v ? t(`records.${ns}.${v}`) : null);
  return (
    <div className="space-y-4" data-testid="accident-detail">
      <PageHeader
        title={`${t("records.accidents")} · ${formatDateTime(a.occurredAt, locale)}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={a.severity} major={a.major} t={t} />
            <Badge tone={a.status === "open" ? "blue" : "gray"}>{t(`records.accidentStatuses.${a.status}`)}</Badge>
            {a.hitAndRun && (
              <Badge tone="purple">
                {t("records.hitAndRun")} · {a.hitAndRunSolved ? t("records.solved") : t("records.unsolved")}
              </Badge>
            )}
          </span>
        }
        actions={
          can(user, "accident.update") ? (
            <AccidentActions
              a={{
                id: a.id,
                updatedAt: a.updatedAt.toISOString(),
                status: a.status,
                deaths: a.deaths,
                injured: a.injured,
                hitAndRun: a.hitAndRun,
                hitAndRunSolved: a.hitAndRunSolved,
                handling: a.handling,
                notes: a.notes,
              }}
            />
          ) : undefined
        }
      />
      <Card>
        <CardHeader title={t("records.detail")} />
        <CardBody>
          <DetailList
            items={[
              [t("records.deaths"), a.deaths],
              [t("records.injured"), a.injured],
              [t("records.propertyLossYuan"), formatNumber(a.propertyLossYuan, locale)],
              [t("records.rescueFundYuan"), a.rescueFundYuan ? formatNumber(a.rescueFundYuan, locale) : null],
              [t("records.unit"), unit ? (locale === "zh" ? unit.nameZh : unit.nameEn) : null],
              [t("records.roadName"), a.roadName],
              [t("records.address"), a.address],
              [t("records.location"), a.lat !== null ? `${a.lat.toFixed(5)}, ${a.lng?.toFixed(5)}` : null],
              [t("records.roadType"), opt(a.roadType, "roadTypes")],
              [t("records.weather"), opt(a.weather, "weathers")],
              [t("records.cause"), opt(a.cause, "causes")],
              [t("records.handling"), t(`records.handlings.${a.handling}`)],
              [t("records.recordedBy"), a.recorder?.displayName],
              [t("records.externalRef"), a.externalRef],
              [t("records.notes"), a.notes],
            ]}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("records.vehicles")} />
        {a.parties.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">{t("common.empty")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("records.plate")}</Th>
                <Th>{t("records.vehicleType")}</Th>
                <Th>{t("records.partyRole")}</Th>
                <Th>{t("records.partyName")}</Th>
                <Th>{t("records.partyIdNumber")}</Th>
                <Th>{t("records.atFault")}</Th>
              </tr>
            </thead>
            <tbody>
              {a.parties.map((p) => (
                <Tr key={p.id}>
                  <Td className="font-mono">{p.plate ?? "—"}</Td>
                  <Td>{opt(p.vehicleType, "vehicleTypes") ?? "—"}</Td>
                  <Td>{t(`records.partyRoles.${p.role}`)}</Td>
                  <Td>{p.name ? maskName(p.name) : "—"}</Td>
                  <Td className="font-mono">{p.idNumber ? maskIdCard(p.idNumber) : "—"}</Td>
                  <Td>{p.atFault ? t("common.yes") : t("common.no")}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <ChainCard actor={user} record={a} officerList="/accidents" t={t} locale={locale} />
      <RecordPhotos actor={user} kind="accident" id={a.id} />
      <RecordHistory actor={user} entity="accident" id={a.id} />
    </div>
  );
}
