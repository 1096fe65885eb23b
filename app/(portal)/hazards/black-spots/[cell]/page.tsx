import Link from "next/link";
import { notFound } from "next/navigation";
import { SeverityBadge } from "@/components/records/badges";
import { BlackSpotMeasureForm } from "@/components/records/black-spot-measure-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { blackSpotDetail, type MeasureEffect } from "@/lib/hazards/black-spot-measures";
import { blackSpotCellSchema } from "@/lib/hazards/schemas";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { TFunction } from "@/lib/i18n/translate";
import { orNotFound } from "@/lib/pages";
import { localDate } from "@/lib/time";

export async function generateMetadata() {
  return { title: (await getT())("measures.title") };
}

/** /hazards/black-spots/<cell> — a black spot: its accidents, the measures taken and their effect, measured from records. */
export default async function BlackSpotPage({ params }: { params: Promise<{ cell: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "hazard.view")) return <Forbidden />;
  const parsed = blackSpotCellSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const today = localDate(new Date());
  const [t, locale, spot] = await Promise.all([
    getT(),
    getLocale(),
    orNotFound(blackSpotDetail({ actor: user, input: { cell: parsed.data.cell, today } })),
  ]);
  return (
    <div className="space-y-4" data-testid="black-spot">
      <PageHeader
        title={t("measures.spotTitle", { cell: spot.cell })}
        subtitle={`${spot.lat.toFixed(5)}, ${spot.lng.toFixed(5)}`}
        actions={
          <ButtonLink href="/hazards/black-spots" variant="ghost">
            {t("measures.back")}
          </ButtonLink>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("measures.spotAccidents")} />
          <CardBody className="space-y-2">
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="spot-recent">
              {(["accidents", "injuryAccidents", "injured", "deaths"] as const).map((k) => (
                <div key={k} className="flex items-baseline gap-1.5">
                  <dt className="text-slate-500">{t(`measures.${k}`)}</dt>
                  <dd className="font-semibold tabular-nums">{spot.recent[k]}</dd>
                </div>
              ))}
            </dl>
            {spot.recent.items.length > 0 && (
              <ul className="space-y-0.5 text-sm">
                {spot.recent.items.map((a) => (
                  <li key={a.id} className="flex items-center gap-2">
                    <Link href={`/accidents/${a.id}`} className="text-brand-700 hover:underline">
                      {formatDateTime(a.occurredAt, locale)}
                    </Link>
                    <SeverityBadge severity={a.severity} t={t} />
                  </li>
                ))}
              </ul>
            )}
            {spot.hazards.length > 0 && (
              <p className="text-sm">
                {spot.hazards.map((h) => (
                  <Badge key={h.id} tone={h.status === "closed" ? "green" : "yellow"}>
                    {h.title}
                  </Badge>
                ))}
              </p>
            )}
          </CardBody>
        </Card>
        {spot.canMeasure && (
          <Card>
            <CardHeader title={t("measures.add")} />
            <CardBody>
              <BlackSpotMeasureForm cell={spot.cell} today={today} hazards={spot.hazards} />
            </CardBody>
          </Card>
        )}
      </div>
      <Card>
        <CardHeader title={t("measures.title")} />
        <CardBody className="space-y-4">
          <p className="text-sm text-slate-500">{t("measures.intro")}</p>
          {spot.measures.length === 0 ? (
            <EmptyState title={t("measures.none")} className="border-0" />
          ) : (
            spot.measures.map((m) => (
              <section key={m.id} className="space-y-2 border-t border-slate-100 pt-3" data-testid="measure">
                <h3 className="flex flex-wrap items-center gap-2 font-medium">
                  <Badge tone="blue">{t(`measures.kinds.${m.kind}`)}</Badge>
                  <span>{formatDate(m.startsOn, locale)}</span>
                  {m.hazard && (
                    <Link href="/hazards" className="text-sm text-brand-700 hover:underline">
                      {m.hazard.title}
                    </Link>
                  )}
                  {m.point && <span className="text-sm text-slate-600">{m.point.name}</span>}
                  {m.createdBy && <span className="text-xs text-slate-500">· {m.createdBy}</span>}
                </h3>
                <p className="text-sm text-slate-700">{m.description}</p>
                {m.effect ? (
                  <EffectTable effect={m.effect} startsOn={m.startsOn} t={t} />
                ) : (
                  <p className="text-sm text-slate-500">{t("measures.tooEarly")}</p>
                )}
              </section>
            ))
          )}
        </CardBody>
      </Card>
    </div>
  );
}

const ROWS = ["accidents", "injuryAccidents", "injured", "deaths", "beatHours"] as const;

function EffectTable({ effect, startsOn, t }: { effect: MeasureEffect; startsOn: string; t: TFunction }) {
  const change = (a: number, b: number) => (a === 0 ? (b === 0 ? "0%" : "—") : `${Math.round(((b - a) / a) * 100)}%`);
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-500">{t("measures.effectIntro", { start: startsOn, days: effect.days })}</p>
      <Table data-testid="measure-effect">
        <thead>
          <tr>
            <Th>{t("measures.per30")}</Th>
            <Th className="text-right">
              {t("measures.before")}
              <div className="text-xs font-normal text-slate-500">
                {effect.before.from} – {effect.before.to}
              </div>
            </Th>
            <Th className="text-right">
              {t("measures.after")}
              <div className="text-xs font-normal text-slate-500">
                {effect.after.from} – {effect.after.to}
              </div>
            </Th>
            <Th className="text-right">{t("measures.change")}</Th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((k) => (
            <Tr key={k} data-row={k}>
              <Td>{t(`measures.${k}`)}</Td>
              <Td className="text-right tabular-nums" title={String(effect.before[k])}>
                {effect.before.per30[k]}
              </Td>
              <Td className="text-right tabular-nums" title={String(effect.after[k])}>
                {effect.after.per30[k]}
              </Td>
              <Td className="text-right tabular-nums">{change(effect.before.per30[k], effect.after.per30[k])}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
