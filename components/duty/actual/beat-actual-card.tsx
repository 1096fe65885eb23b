import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { BeatWithActual } from "@/lib/duty/plan-vs-actual";
import { localDate, localHhmm } from "@/lib/time";
import type { TFunction } from "@/lib/i18n/translate";
import { shiftSpan } from "../roster/format";

const dur = (t: TFunction, s: number) =>
  s < 90 ? t("duty.map.seconds", { n: Math.round(s) }) : t("duty.map.minutes", { n: Math.round(s / 60) });

/** One beat's plan vs actual: must-reach arrivals and the share of the shift in the grid. */
export function BeatActualCard({ item, t, link = true }: { item: BeatWithActual; t: TFunction; link?: boolean }) {
  const { beat, actual } = item;
  const share = actual ? Math.round(actual.insideShare * 100) : null;
  return (
    <Card data-testid="beat-actual">
      <CardBody className="space-y-2 text-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="font-medium">
            {link ? (
              <a href={`/beats/${beat.id}`} className="text-brand-700 underline hover:no-underline">
                {beat.gridName}
              </a>
            ) : (
              beat.gridName
            )}{" "}
            · {t(`duty.shifts.${beat.shiftKind}`)} · {localDate(new Date(beat.startsAt))}{" "}
            {shiftSpan(beat.startsAt, beat.endsAt)}
          </p>
          <span className="text-slate-600">
            {beat.lead?.name ?? t("duty.board.noLead")}
            {beat.auxiliaries.length ? ` + ${beat.auxiliaries.map((a) => a.name).join("、")}` : ""}
          </span>
        </div>
        {!actual ? (
          <p className="text-slate-500">{t("duty.actual.noLead")}</p>
        ) : (
          <>
            <div className="flex items-center gap-2">
              <span className="w-40 shrink-0 text-slate-600">{t("duty.actual.insideShare")}</span>
              <div className="h-2.5 flex-1 overflow-hidden rounded bg-slate-100">
                <div className="h-full bg-brand-500" style={{ width: `${share}%` }} />
              </div>
              <span className="w-12 text-right tabular-nums" data-testid="inside-share">
                {share}%
              </span>
            </div>
            <p className="text-xs text-slate-500">{t("duty.actual.fixes", { n: actual.fixes })}</p>
            {actual.points.length > 0 && (
              <ul className="space-y-0.5">
                {actual.points.map((p) => (
                  <li key={p.pointId} className="flex flex-wrap items-center gap-2">
                    <Badge tone={p.reached ? "green" : "red"}>{p.name}</Badge>
                    <span className="text-slate-600">
                      {p.reached
                        ? t("duty.actual.reached", { time: localHhmm(new Date(p.arrivedAt!)), dwell: dur(t, p.dwellS) })
                        : t("duty.actual.notReached", { dwell: dur(t, p.dwellS) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
