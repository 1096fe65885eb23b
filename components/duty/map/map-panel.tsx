"use client";
import { clsx } from "clsx";
import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";
import { RISK_HEX, type RiskColour } from "@/lib/duty/risk";
import type { DutyMapData, PersonOnMap } from "@/lib/duty/map-types";
import type { LiveStatus } from "./use-live-duty";
import { ago, STATUS_HEX } from "./people";

/** Side panel: live status, legend with grid counts per colour, people on the map. */
export function MapPanel({
  grids,
  people,
  now,
  staleAfterS,
  status,
  show,
  onToggle,
  onPick,
  sound,
}: {
  grids: DutyMapData["grids"];
  people: PersonOnMap[];
  now: number;
  staleAfterS: number;
  status: LiveStatus;
  show: { segments: boolean; points: boolean };
  onToggle: (k: "segments" | "points") => void;
  onPick: (p: PersonOnMap) => void;
  sound: { ready: boolean; enable: () => void };
}) {
  const { t } = useI18n();
  const count = (c: RiskColour) => grids.filter((g) => g.risk.colour === c).length;
  // SOS first, then on duty, then off duty / stale; by name within each.
  const rank = (p: PersonOnMap) =>
    p.status === "sos" ? 0 : now - Date.parse(p.at) > staleAfterS * 1000 || p.status === "off_duty" ? 2 : 1;
  const sorted = [...people].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "zh"));
  return (
    <aside
      className="flex min-h-0 flex-col gap-3 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
      data-testid="map-panel"
    >
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5" data-testid="live-status" data-status={status}>
          <span
            className={clsx(
              "h-2.5 w-2.5 rounded-full",
              status === "live" ? "bg-green-500" : status === "expired" ? "bg-red-500" : "bg-amber-400 animate-pulse",
            )}
          />
          {status === "live"
            ? t("duty.map.live")
            : status === "expired"
              ? t("errors.UNAUTHENTICATED")
              : t("duty.map.reconnecting")}
        </span>
        <button
          type="button"
          onClick={sound.enable}
          className={clsx(
            "rounded border px-2 py-0.5 text-xs",
            sound.ready ? "border-green-300 text-green-700" : "border-amber-300 bg-amber-50 text-amber-800",
          )}
          data-testid="sound-toggle"
        >
          {sound.ready ? t("duty.map.soundOn") : t("duty.map.sound")}
        </button>
      </div>
      {status === "expired" && <p className="rounded bg-red-50 p-2 text-red-800">{t("duty.map.sessionExpired")}</p>}

      <section>
        <h2 className="mb-1 font-semibold">{t("duty.map.legend")}</h2>
        <ul className="space-y-1">
          {(["red", "yellow", "green"] as const).map((c) => (
            <li key={c} className="flex items-center gap-2">
              <span className="inline-block h-3 w-5 rounded-sm" style={{ background: RISK_HEX[c], opacity: 0.7 }} />
              {t(`duty.risk.${c}`)} · {t("duty.map.gridCount", { n: count(c) })}
            </li>
          ))}
        </ul>
        <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
          {Object.entries(STATUS_HEX).map(([k, hex]) => (
            <span key={k} className="flex items-center gap-1">
              <span className="h-2.5 w-2.5 rounded-full" style={{ background: hex }} />
              {t(`duty.statuses.${k}`)}
            </span>
          ))}
        </div>
        <div className="mt-2 flex gap-3">
          {(["segments", "points"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1">
              <input type="checkbox" checked={show[k]} onChange={() => onToggle(k)} /> {t(`duty.map.${k}`)}
            </label>
          ))}
        </div>
      </section>

      <section className="min-h-0">
        <h2 className="mb-1 font-semibold">
          {t("duty.map.officers")} ({people.length})
        </h2>
        {sorted.length === 0 ? (
          <p className="text-slate-500">{t("duty.map.noOfficers")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="people-list">
            {sorted.map((p) => {
              const age = now - Date.parse(p.at);
              return (
                <li key={p.userId}>
                  <button
                    type="button"
                    onClick={() => onPick(p)}
                    className={clsx(
                      "flex w-full items-center justify-between gap-2 py-1.5 text-left hover:bg-slate-50",
                      age > staleAfterS * 1000 && "opacity-50",
                    )}
                  >
                    <span className="min-w-0">
                      <span className="font-medium">{p.name}</span>{" "}
                      <span className="text-xs text-slate-500">
                        {t(`roles.${p.role}`)}
                        {p.beat ? ` · ${p.beat.gridName}` : ""}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-1">
                      <Badge
                        tone={
                          p.status === "sos"
                            ? "red"
                            : p.status === "handling_incident"
                              ? "yellow"
                              : p.status === "on_patrol"
                                ? "blue"
                                : "gray"
                        }
                      >
                        {t(`duty.statuses.${p.status}`)}
                      </Badge>
                      <span className="text-xs text-slate-500">{ago(t, age)}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </aside>
  );
}
