"use client";
/** My duty: today's and the next beats with the grid on a small map, people, must-reach points and their check-ins. */
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import type { FieldBootstrap, FieldBeat } from "@/lib/field/types";
import type { RawFix } from "@/lib/field/fix-filter";
import { MiniMap } from "./mini-map";

export function DutyView({
  data,
  lastFix,
  checkedIn,
  onCheckIn,
  now,
}: {
  now: number;
  data: FieldBootstrap;
  lastFix: RawFix | null;
  checkedIn: Set<string>;
  onCheckIn: (beat: FieldBeat, pointId: string, name: string) => void;
}) {
  const { t, locale } = useI18n();
  const typeName = (k: string) => {
    const c = data.catalogue.find((x) => x.key === k);
    return c ? (locale === "zh" ? c.nameZh : c.nameEn) : k;
  };
  if (!data.beats.length) return <p className="text-slate-600">{t("field.duty.none")}</p>;
  return (
    <section className="space-y-4" data-testid="duty">
      <h2 className="text-lg font-semibold">{t("field.duty.today")}</h2>
      {data.beats.map((b) => {
        const grid = data.grids.find((g) => g.id === b.gridId);
        const running = Date.parse(b.startsAt) <= now && now < Date.parse(b.endsAt);
        return (
          <article key={b.id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-3" data-testid="beat">
            <header className="flex items-center justify-between">
              <h3 className="font-semibold">{b.gridName}</h3>
              {running && (
                <span className="rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">{t("field.duty.now")}</span>
              )}
            </header>
            <p className="text-sm text-slate-700">
              {formatDateTime(b.startsAt, locale)} – {formatDateTime(b.endsAt, locale)} ·{" "}
              {t(`duty.shifts.${b.shiftKind}`)}
            </p>
            {grid && (
              <MiniMap
                areas={[grid.geometry]}
                points={b.points.map((p) => ({ ...p, label: p.name, done: checkedIn.has(`${b.id}:${p.id}`) }))}
                me={running ? lastFix : null}
                label={b.gridName}
              />
            )}
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("field.duty.lead")}</dt>
              <dd>
                {b.lead ? (
                  <>
                    {b.lead.name}{" "}
                    {b.lead.phone && (
                      <a className="text-brand-700 underline" href={`tel:${b.lead.phone}`}>
                        {b.lead.phone}
                      </a>
                    )}
                  </>
                ) : (
                  "—"
                )}
              </dd>
              <dt className="text-slate-600">{t("field.duty.partners")}</dt>
              <dd>{b.auxiliaries.map((a) => a.name).join("、") || "—"}</dd>
              <dt className="text-slate-600">{t("field.duty.mustCorrect")}</dt>
              <dd>{b.mustCorrectTypes.map(typeName).join("、") || "—"}</dd>
            </dl>
            {b.points.length > 0 && (
              <ul className="space-y-1">
                {b.points.map((p) => {
                  const done = checkedIn.has(`${b.id}:${p.id}`);
                  return (
                    <li key={p.id} className="flex items-center justify-between gap-2 rounded-md bg-slate-50 p-2">
                      <span className="text-sm">
                        {p.name} ·{" "}
                        {p.timeWindows.length
                          ? t("field.duty.window", {
                              windows: p.timeWindows.map((w) => `${w.from}–${w.to}`).join(", "),
                            })
                          : t("field.duty.anyTime")}
                      </span>
                      {done ? (
                        <span className="text-sm text-green-800">✓</span>
                      ) : running && lastFix ? (
                        <button
                          type="button"
                          onClick={() => onCheckIn(b, p.id, p.name)}
                          className="h-10 rounded-md bg-brand-600 px-3 text-sm text-white"
                        >
                          {t("field.duty.checkIn")}
                        </button>
                      ) : (
                        <span className="text-sm text-slate-600">{t("field.duty.notReached")}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </article>
        );
      })}
    </section>
  );
}
