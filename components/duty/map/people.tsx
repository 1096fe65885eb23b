"use client";
import { clsx } from "clsx";
import type { PersonOnMap } from "@/lib/duty/map-types";
import type { TFunction } from "@/lib/i18n/translate";

export const STATUS_HEX: Record<string, string> = {
  on_patrol: "#2563eb",
  handling_incident: "#ea580c",
  off_duty: "#64748b",
  sos: "#dc2626",
};

export function ago(t: TFunction, ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return t("duty.map.seconds", { n: s });
  if (s < 5400) return t("duty.map.minutes", { n: Math.round(s / 60) });
  return t("duty.map.hours", { n: Math.round(s / 3600) });
}

/**
 * A person on the map: a dot in their status colour (solid for road police, ringed for
 * auxiliaries) with their surname; faded when the position is stale; pulsing on SOS.
 */
export function PersonDot({ person, stale, showName }: { person: PersonOnMap; stale: boolean; showName: boolean }) {
  const hex = STATUS_HEX[person.status] ?? STATUS_HEX.off_duty;
  const officer = person.role === "OFFICER";
  return (
    <div
      className={clsx("flex items-center gap-1", stale && "opacity-40")}
      data-testid="person-marker"
      data-user={person.userId}
      data-status={person.status}
    >
      <span
        className={clsx(
          "relative flex h-6 w-6 items-center justify-center rounded-full text-[11px] font-bold shadow ring-2 ring-white",
          person.status === "sos" && "animate-pulse",
        )}
        style={
          officer
            ? { background: hex, color: "white" }
            : { background: "white", color: hex, boxShadow: `inset 0 0 0 3px ${hex}` }
        }
      >
        {[...person.name][0]}
      </span>
      {showName && (
        <span className="rounded bg-white/85 px-1 text-[11px] font-medium text-slate-800 shadow-sm">{person.name}</span>
      )}
    </div>
  );
}
