import { notFound } from "next/navigation";
import { BeatActualCard } from "@/components/duty/actual/beat-actual-card";
import { BeatChain } from "@/components/records/beat-chain";
import { RecordHistory } from "@/components/ui/record-history";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { beatPlanVsActual } from "@/lib/duty/plan-vs-actual";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { localDate } from "@/lib/time";
import { zUuid } from "@/lib/validation";

export default async function BeatPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "beat.view")) return <Forbidden />;
  const { id } = await params;
  if (!zUuid.safeParse(id).success) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const item = await orNotFound(beatPlanVsActual({ actor: user, beatId: id }));
  const b = item.beat;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${b.gridName} · ${t(`duty.shifts.${b.shiftKind}`)}`}
        subtitle={
          <>
            {formatDateTime(b.startsAt, locale)} – {formatDateTime(b.endsAt, locale)}{" "}
            {b.cancelledAt && <Badge tone="red">{t("duty.beat.cancelBeat")}</Badge>}
          </>
        }
        actions={
          <ButtonLink href={`/beats?unit=${b.unitCode}&week=${localDate(new Date(b.startsAt))}`}>
            {t("common.back")}
          </ButtonLink>
        }
      />
      <Card>
        <CardBody>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">{t("duty.beat.lead")}</dt>
            <dd>{b.lead ? `${b.lead.name}${b.lead.phone ? ` · ${b.lead.phone}` : ""}` : "—"}</dd>
            <dt className="text-slate-500">{t("duty.beat.auxiliaries")}</dt>
            <dd>{b.auxiliaries.map((a) => a.name).join("、") || "—"}</dd>
            <dt className="text-slate-500">{t("duty.beat.points")}</dt>
            <dd>{b.mustReachPoints.map((p) => p.name).join("、") || "—"}</dd>
            <dt className="text-slate-500">{t("duty.beat.types")}</dt>
            <dd>{b.mustCorrectTypes.join("、") || "—"}</dd>
            <dt className="text-slate-500">{t("duty.beat.notes")}</dt>
            <dd>{b.notes ?? "—"}</dd>
            {b.cancelReason && (
              <>
                <dt className="text-slate-500">{t("duty.beat.cancelReason")}</dt>
                <dd>{b.cancelReason}</dd>
              </>
            )}
          </dl>
        </CardBody>
      </Card>
      <BeatActualCard item={item} t={t} link={false} />
      <BeatChain actor={user} beatId={id} t={t} locale={locale} />
      <RecordHistory actor={user} entity="beat" id={id} />
    </div>
  );
}
