import { DecideAppealForm, FileAppealForm } from "@/components/records/appeal-forms";
import { SeriousBadge, ViolationStatusBadge } from "@/components/records/badges";
import { DetailList } from "@/components/records/detail-list";
import { RecordPhotos } from "@/components/field/record-photos";
import { RecordHistory } from "@/components/ui/record-history";
import { ChainCard } from "@/components/records/chain-links";
import { RevealId } from "@/components/records/reveal-id";
import { ViolationActions } from "@/components/records/violation-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { maskLicence, maskIdCard } from "@/lib/identity/id-card";
import { orNotFound, pageId } from "@/lib/pages";
import { unitsById } from "@/lib/records/units";
import { getViolation } from "@/lib/violations/get-violation";
import { daysLeft, isOverdue, mayAppeal } from "@/lib/violations/rules";

export default async function ViolationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "violation.view")) return <Forbidden />;
  const id = await pageId(params);
  const v = await orNotFound(getViolation({ actor: user, id }));
  const [t, locale, units] = await Promise.all([getT(), getLocale(), unitsById([v.unitId])]);
  const unit = units.get(v.unitId);
  const name = locale === "zh" ? v.type.nameZh : v.type.nameEn;
  const appeal = v.appeal;
  const left = appeal ? daysLeft(appeal.dueAt) : 0;
  return (
    <div className="space-y-4" data-testid="violation-detail">
      <PageHeader
        title={name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <ViolationStatusBadge status={v.status} t={t} />
            {v.serious && <SeriousBadge t={t} />}
            <span>{formatDateTime(v.occurredAt, locale)}</span>
            {v.plate && <span className="font-mono">{v.plate}</span>}
          </span>
        }
        actions={
          can(user, "violation.update") ? (
            <ViolationActions
              canPenalize={can(user, "violation.penalize")}
              v={{
                id: v.id,
                status: v.status,
                updatedAt: v.updatedAt.toISOString(),
                address: v.address,
                roadName: v.roadName,
                plate: v.plate,
                plateColor: v.plateColor,
                vehicleType: v.vehicleType,
                notes: v.notes,
                fineYuan: v.fineYuan,
                points: v.points,
              }}
            />
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("records.detail")} />
          <CardBody>
            <DetailList
              items={[
                [t("records.occurredAt"), formatDateTime(v.occurredAt, locale)],
                [t("records.unit"), unit ? (locale === "zh" ? unit.nameZh : unit.nameEn) : null],
                [t("records.roadName"), v.roadName],
                [t("records.address"), v.address],
                [t("records.location"), v.lat !== null ? `${v.lat.toFixed(5)}, ${v.lng?.toFixed(5)}` : null],
                [t("records.source"), t(`records.sources.${v.source}`)],
                [t("records.plate"), v.plate ? <span className="font-mono">{v.plate}</span> : null],
                [t("records.plateColor"), v.plateColor ? t(`records.plateColors.${v.plateColor}`) : null],
                [t("records.vehicleType"), v.vehicleType ? t(`records.vehicleTypes.${v.vehicleType}`) : null],
                [t("records.driverName"), v.driverName],
                [
                  t("records.driverIdNumber"),
                  v.driverIdNumber ? (
                    <RevealId id={v.id} masked={maskIdCard(v.driverIdNumber)} allowed={can(user, "idcard.reveal")} />
                  ) : null,
                ],
                [
                  t("records.licenceNumber"),
                  v.licenceNumber ? (
                    <RevealId
                      id={v.id}
                      field="licenceNumber"
                      masked={maskLicence(v.licenceNumber)}
                      allowed={can(user, "idcard.reveal")}
                    />
                  ) : null,
                ],
                [
                  t("records.operation"),
                  v.operation ? `${v.operation.name}（${t(`records.operationKinds.${v.operation.kind}`)}）` : null,
                ],
                [
                  t("records.recordedBy"),
                  v.recorder
                    ? `${v.recorder.displayName}${v.recorder.badgeNumber ? `（${v.recorder.badgeNumber}）` : ""}`
                    : null,
                ],
                [
                  t("records.externalRef"),
                  v.externalRef ? <span className="font-mono text-xs">{v.externalRef}</span> : null,
                ],
                [t("records.notes"), v.notes],
              ]}
            />
          </CardBody>
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader title={t("records.penalty")} />
            <CardBody>
              <DetailList
                className="sm:grid-cols-1"
                items={[
                  [t("records.fineYuan"), v.fineYuan],
                  [t("records.points"), v.points],
                  [t("records.licenceSeized"), v.licenceSeized ? t("common.yes") : t("common.no")],
                  [t("records.detentionDays"), v.detentionDays || null],
                ]}
              />
            </CardBody>
          </Card>
          <Card data-testid="appeal-card">
            <CardHeader title={t("records.appeals")} />
            <CardBody className="space-y-3">
              {appeal ? (
                <>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge
                      tone={appeal.status === "pending" ? "yellow" : appeal.status === "revoked" ? "red" : "green"}
                    >
                      {t(`records.appealStatuses.${appeal.status}`)}
                    </Badge>
                    {appeal.status === "pending" &&
                      (isOverdue(appeal) ? (
                        <Badge tone="red">{t("records.overdue")}</Badge>
                      ) : (
                        <span className="text-sm text-slate-600">
                          {left === 0 ? t("records.dueToday") : t("records.daysLeft", { days: left })}
                        </span>
                      ))}
                  </div>
                  <DetailList
                    className="sm:grid-cols-1"
                    items={[
                      [t("records.appealReason"), appeal.reason],
                      [t("records.appellant"), appeal.appellant],
                      [t("records.appealChannel"), t(`records.appealChannels.${appeal.channel}`)],
                      [t("records.filedAt"), formatDateTime(appeal.filedAt, locale)],
                      [t("records.appealDue"), formatDate(appeal.dueAt, locale)],
                      ...(appeal.decidedAt
                        ? ([
                            [t("records.decidedAt"), formatDateTime(appeal.decidedAt, locale)],
                            [t("records.decisionNote"), appeal.decisionNote],
                          ] as [string, React.ReactNode][])
                        : []),
                    ]}
                  />
                  {appeal.status === "pending" && can(user, "appeal.decide") && (
                    <DecideAppealForm appealId={appeal.id} />
                  )}
                </>
              ) : mayAppeal(v.status) ? (
                can(user, "appeal.file") ? (
                  <FileAppealForm violationId={v.id} />
                ) : (
                  <p className="text-sm text-slate-500">—</p>
                )
              ) : (
                <p className="text-sm text-slate-500">{t("records.appealNotPossible")}</p>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
      <ChainCard actor={user} record={v} officerList="/violations" t={t} locale={locale} />
      <RecordPhotos actor={user} kind="violation" id={v.id} />
      <RecordHistory actor={user} entity="violation" id={v.id} />
    </div>
  );
}
