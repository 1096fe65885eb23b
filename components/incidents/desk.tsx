"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { clsx } from "clsx";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { useI18n } from "@/lib/i18n/client";
import type { IncidentEvent } from "@/lib/incidents/events";
import type { NamedPlace } from "@/lib/incidents/place-geo";
import { isOverdue, overdueFlags } from "@/lib/incidents/rules";
import { placeLine, type IncidentItem } from "@/lib/incidents/wire";
import { minutesSince, PriorityBadge, StatusBadge } from "./badges";
import { IncidentPanel } from "./incident-panel";
import { IntakeForm, type IntakeHandle } from "./intake-form";
import { LiveDot } from "./live-dot";
import { useIncidentEvents } from "./use-incident-events";
import { useNow } from "./use-now";
import { formatHourMinute } from "@/lib/i18n/format";

/**
 * 接处警工作台: the intake form, the open incidents (live, overdue ones raised), and the
 * selected one with its proposed responders, one-click dispatch, timeline and closing.
 * Every desk and map in scope sees each change within a second (NOTIFY → SSE).
 */
export function IncidentDesk({
  initial,
  places,
  canCaller,
}: {
  initial: IncidentItem[];
  places: NamedPlace[];
  canCaller: boolean;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState(initial);
  const [selected, setSelected] = useState<string | null>(initial[0]?.id ?? null);
  const [version, setVersion] = useState(0);
  const now = useNow();
  const intake = useRef<IntakeHandle>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    const r = await fetch("/api/v1/incidents?open=1&limit=200", { cache: "no-store" });
    if (r.ok) setItems((await r.json()).items);
  }, []);
  const onEvent = useCallback(
    (e: IncidentEvent) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void reload(), 150);
      if (e.id === selected) setVersion((v) => v + 1);
    },
    [reload, selected],
  );
  const live = useIncidentEvents(onEvent);

  // Overdue flags are recomputed here (every 5 s) from the same timestamps the server uses.
  const flagged = useMemo(
    () =>
      new Map(
        items.map((i) => [
          i.id,
          overdueFlags({ status: i.status, dispatchAt: i.dispatch?.dispatchedAt ?? null }, i.limits, now),
        ]),
      ),
    [items, now],
  );
  const overdue = items.filter((i) => isOverdue(flagged.get(i.id)!));

  // F2: a new call, from anywhere on the desk.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "F2") {
        e.preventDefault();
        intake.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const sorted = useMemo(
    () =>
      [...items].sort(
        (a, b) =>
          Number(isOverdue(flagged.get(b.id)!)) - Number(isOverdue(flagged.get(a.id)!)) ||
          Number(b.status === "received") - Number(a.status === "received") ||
          a.priority - b.priority ||
          Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
      ),
    [items, flagged],
  );

  return (
    <div
      className="grid gap-3 lg:grid-cols-[20rem_minmax(0,1fr)] xl:grid-cols-[21rem_minmax(0,1fr)_26rem]"
      data-testid="incident-desk"
    >
      <Card className="self-start">
        <CardHeader title={t("incidents.newCall")} action={<kbd className="rounded border px-1.5 text-xs">F2</kbd>} />
        <div className="p-3">
          <IntakeForm
            ref={intake}
            places={places}
            onCreated={(id) => {
              setSelected(id);
              void reload();
            }}
          />
        </div>
      </Card>

      <section className="min-w-0 space-y-2" aria-label={t("incidents.open")}>
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold">
            {t("incidents.open")} <span className="text-slate-500">({items.length})</span>
          </h2>
          <LiveDot status={live} />
        </div>
        {overdue.length > 0 && (
          <div
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
            data-testid="overdue-banner"
          >
            {t("incidents.overdueBanner", { n: overdue.length })}
          </div>
        )}
        {items.length === 0 ? (
          <EmptyState title={t("incidents.noOpen")} />
        ) : (
          <ul className="space-y-1.5" data-testid="incident-list">
            {sorted.map((i) => {
              const f = flagged.get(i.id)!;
              return (
                <li key={i.id}>
                  <button
                    type="button"
                    onClick={() => setSelected(i.id)}
                    aria-pressed={selected === i.id}
                    data-testid="incident-row"
                    data-id={i.id}
                    className={clsx(
                      "w-full rounded-lg border bg-white px-3 py-2 text-left shadow-sm transition hover:border-brand-300",
                      selected === i.id ? "border-brand-500 ring-2 ring-brand-200" : "border-slate-200",
                      isOverdue(f) && "border-red-400 bg-red-50/40",
                    )}
                  >
                    <div className="flex flex-wrap items-center gap-1.5">
                      <PriorityBadge priority={i.priority} t={t} />
                      <span className="font-medium text-slate-900">{t(`incidents.kinds.${i.kind}`)}</span>
                      <StatusBadge status={i.status} t={t} />
                      {f.notAccepted && (
                        <span className="text-xs font-semibold text-red-700">{t("incidents.overdueNotAccepted")}</span>
                      )}
                      {!f.notAccepted && f.notOnScene && (
                        <span className="text-xs font-semibold text-red-700">{t("incidents.overdueNotOnScene")}</span>
                      )}
                      <span className="ml-auto text-xs tabular-nums text-slate-500">
                        {formatHourMinute(i.receivedAt)} ·{" "}
                        {t("incidents.age", { min: minutesSince(i.receivedAt, now) })}
                      </span>
                    </div>
                    <p className="mt-0.5 truncate text-sm text-slate-600">
                      {placeLine(i)}
                      {i.dispatch && (
                        <span className="text-slate-500"> → {i.dispatch.people.map((p) => p.name).join("、")}</span>
                      )}
                    </p>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="min-w-0 lg:col-span-2 xl:col-span-1">
        {selected ? (
          <IncidentPanel
            key={selected}
            id={selected}
            version={version}
            canCaller={canCaller}
            onChanged={() => void reload()}
          />
        ) : (
          <EmptyState title={t("incidents.noOpen")} />
        )}
      </div>
    </div>
  );
}
