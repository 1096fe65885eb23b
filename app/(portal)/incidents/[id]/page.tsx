import Link from "next/link";
import { PriorityBadge, StatusBadge } from "@/components/incidents/badges";
import { IncidentSteps } from "@/components/incidents/incident-steps";
import { Timeline } from "@/components/incidents/timeline";
import { ChainCard } from "@/components/records/chain-links";
import { DetailList } from "@/components/records/detail-list";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { RecordHistory } from "@/components/ui/record-history";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { getIncident } from "@/lib/incidents/read-incidents";
import { toWire } from "@/lib/incidents/wire";
import { orNotFound, pageId } from "@/lib/pages";

/** One incident: what, where, who called; its timeline; its place in the record chain and the records made from it. */
export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "incident.view") && !can(user, "incident.respond")) return <Forbidden />;
  const id = await pageId(params);
  const inc = await orNotFound(getIncident({ actor: user, input: { id } }));
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const open = inc.status !== "closed" && inc.status !== "cancelled";
  const responder = !!user.userId && !!inc.dispatch?.userIds.includes(user.userId);
  return (
    <div className="space-y-4" data-testid="incident-detail">
      <PageHeader
        title={`${t(`incidents.kinds.${inc.kind}`)} · ${formatDateTime(inc.receivedAt, locale)}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <PriorityBadge priority={inc.priority} t={t} />
            <StatusBadge status={inc.status} t={t} />
            <Badge>{t(`incidents.sources.${inc.source}`)}</Badge>
          </span>
        }
        actions={
          <>
            {can(user, "accident.create") && (
              <ButtonLink href={`/accidents/new?incident=${inc.id}`} size="sm" data-testid="detail-record-accident">
                {t("incidents.recordAccident")}
              </ButtonLink>
            )}
            {can(user, "violation.create") && (
              <ButtonLink href={`/violations/new?incident=${inc.id}`} size="sm">
                {t("incidents.recordViolation")}
              </ButtonLink>
            )}
            {can(user, "incident.view") && (
              <ButtonLink href="/incidents" size="sm" variant="ghost">
                {t("incidents.openDesk")}
              </ButtonLink>
            )}
          </>
        }
      />
      {open && (responder || can(user, "incident.dispatch")) && (
        <IncidentSteps
          inc={toWire(inc)}
          canRespond={responder || can(user, "incident.dispatch")}
          canDesk={can(user, "incident.dispatch")}
        />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("incidents.detailTitle")} />
          <CardBody>
            <DetailList
              items={[
                [t("incidents.address"), inc.address],
                [t("incidents.coordinates"), `${inc.lat.toFixed(5)}, ${inc.lng.toFixed(5)}`],
                [t("incidents.kmMarker"), inc.roadName ? `${inc.roadName} ${inc.kmMarker ?? ""}` : null],
                [t("incidents.unit"), inc.unit ? (locale === "zh" ? inc.unit.nameZh : inc.unit.nameEn) : null],
                [t("incidents.callerName"), inc.callerName],
                [t("incidents.callerPhone"), inc.callerPhoneMasked],
                [t("incidents.description"), inc.description],
                [t("incidents.recordedBy"), inc.recordedBy?.name ?? (inc.recordedById ? null : "API")],
                [t("incidents.outcome"), inc.outcome],
                [
                  t("incidents.feedback"),
                  inc.feedback
                    ? `${inc.feedback.reached ? t("incidents.reachedYes") : t("incidents.reachedNo")}${
                        inc.feedback.satisfied === null
                          ? ""
                          : ` · ${inc.feedback.satisfied ? t("incidents.satisfiedYes") : t("incidents.satisfiedNo")}`
                      }`
                    : null,
                ],
                [t("incidents.cancelReason"), inc.cancelReason],
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("incidents.timeline")} />
          <CardBody>
            <Timeline steps={toWire(inc.timeline)} t={t} locale={locale} />
          </CardBody>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChainCard actor={user} record={inc} officerList="/violations" t={t} locale={locale} />
        <Card data-testid="incident-records">
          <CardHeader title={t("incidents.records")} />
          <CardBody>
            {inc.records.accidents.length + inc.records.violations.length === 0 ? (
              <p className="text-sm text-slate-500">{t("incidents.noRecords")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {inc.records.accidents.map((a) => (
                  <li key={a.id}>
                    <Link href={`/accidents/${a.id}`} className="text-brand-700 hover:underline">
                      {t("nav.accidents")} · {t(`records.severities.${a.severity}`)} ·{" "}
                      {formatDateTime(a.occurredAt, locale)}
                    </Link>
                  </li>
                ))}
                {inc.records.violations.map((v) => (
                  <li key={v.id}>
                    <Link href={`/violations/${v.id}`} className="text-brand-700 hover:underline">
                      {t("nav.violations")} · {v.plate ?? v.typeKey} · {formatDateTime(v.occurredAt, locale)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
      {can(user, "incident.view") && <RecordHistory actor={user} entity="incident" id={inc.id} />}
    </div>
  );
}
