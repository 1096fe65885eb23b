"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { clsx } from "clsx";
import type { TFunction } from "@/lib/i18n/translate";
import type { IncidentEvent } from "@/lib/incidents/events";
import type { IncidentItem } from "@/lib/incidents/wire";
import { useIncidentEvents } from "./use-incident-events";

/**
 * The open incidents of a unit for the live duty map, kept current by the incident events
 * (a change anywhere reloads the list within a moment). Nothing is fetched and no stream is
 * opened when `enabled` is false (a viewer without incident.view).
 */
export function useOpenIncidents(unitCode: string, enabled: boolean): IncidentItem[] {
  const [items, setItems] = useState<IncidentItem[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback(async () => {
    const r = await fetch(`/api/v1/incidents?open=1&limit=200&unit=${encodeURIComponent(unitCode)}`, {
      cache: "no-store",
    });
    if (r.ok) setItems((await r.json()).items);
  }, [unitCode]);
  useEffect(() => {
    if (!enabled) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetches from the server, state is set after the await
    void reload();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled, reload]);
  const onEvent = useCallback(
    (_e: IncidentEvent) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void reload(), 300);
    },
    [reload],
  );
  useIncidentEvents(onEvent, enabled);
  return enabled ? items : [];
}

const TONE: Record<string, string> = {
  received: "bg-red-600 ring-red-200",
  dispatched: "bg-orange-500 ring-orange-200",
  accepted: "bg-orange-500 ring-orange-200",
  on_scene: "bg-blue-600 ring-blue-200",
  handled: "bg-slate-500 ring-slate-200",
};

/** An incident on the map: a square badge coloured by status (red: nobody sent yet), linking to it. */
export function IncidentPin({ inc, t }: { inc: IncidentItem; t: TFunction }) {
  const label = `${t(`incidents.kinds.${inc.kind}`)} · ${t(`incidents.statuses.${inc.status}`)}${
    inc.address ? ` · ${inc.address}` : ""
  }`;
  return (
    <a
      href={`/incidents/${inc.id}`}
      title={label}
      aria-label={label}
      data-testid="map-incident"
      data-id={inc.id}
      data-status={inc.status}
      className={clsx(
        "flex h-6 w-6 items-center justify-center rounded-md text-xs font-bold text-white shadow ring-2",
        TONE[inc.status] ?? TONE.handled,
        inc.status === "received" && "animate-pulse",
      )}
    >
      {t("incidents.mapPin")}
    </a>
  );
}
