"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import type { SosEvent } from "@/lib/duty/map-types";

export interface NearbyPerson {
  userId: string;
  name: string;
  distanceM: number;
}

/**
 * The SOS banner over the map: who, where, when; the nearest on-duty people; and, for
 * those who may handle SOS, acknowledge and resolve (POST /api/v1/sos/{id}/…, audited).
 */
export function SosBanner({
  alert,
  nearest,
  canHandle,
  onLocate,
  onChanged,
}: {
  alert: SosEvent;
  nearest: NearbyPerson[];
  canHandle: boolean;
  onLocate: () => void;
  onChanged: (s: SosEvent) => void;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  // When this banner first appeared on screen (the SOS-to-screen latency test reads it).
  const [shownAt] = useState(() => Date.now());
  const act = async (what: "acknowledge" | "resolve") => {
    setBusy(true);
    setError(null);
    try {
      const r = await fetch(`/api/v1/sos/${alert.id}/${what}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(note ? { note } : {}),
      });
      const body = await r.json();
      if (!r.ok) setError(body.error?.message ?? t("errors.INTERNAL", { requestId: "" }));
      else onChanged(body);
    } catch {
      setError(t("auth.networkError"));
    } finally {
      setBusy(false);
    }
  };
  const open = alert.status === "open";
  return (
    <div
      role="alert"
      data-testid="sos-banner"
      data-sos={alert.id}
      data-shown-at={shownAt}
      data-status={alert.status}
      className={
        open
          ? "rounded-lg border-2 border-red-700 bg-red-600 p-3 text-white shadow-lg"
          : "rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 shadow"
      }
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-base font-bold">
            {t("duty.sos.banner", {
              name: alert.name,
              unit: (locale === "zh" ? alert.unitNameZh : alert.unitNameEn) || alert.unitCode,
            })}
          </p>
          <p className="text-sm opacity-90">
            {t("duty.sos.at", { time: formatDateTime(alert.at, locale) })} · {alert.lat.toFixed(5)},{" "}
            {alert.lng.toFixed(5)}
            {alert.message ? ` · ${alert.message}` : ""}
          </p>
          {alert.acknowledgedAt && (
            <p className="text-sm">
              {t("duty.sos.acknowledged", {
                name: alert.acknowledgedBy ?? "",
                time: formatDateTime(alert.acknowledgedAt, locale),
              })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={onLocate}>
            {t("duty.sos.centre")}
          </Button>
          {canHandle && open && (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => void act("acknowledge")}
              data-testid="sos-ack"
            >
              {t("duty.sos.acknowledge")}
            </Button>
          )}
          {canHandle && (
            <Button
              size="sm"
              variant={open ? "secondary" : "primary"}
              disabled={busy}
              onClick={() => void act("resolve")}
              data-testid="sos-resolve"
            >
              {t("duty.sos.resolve")}
            </Button>
          )}
        </div>
      </div>
      {canHandle && (
        <label className="mt-2 block text-sm">
          <span className="sr-only">{t("duty.sos.note")}</span>
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t("duty.sos.note")}
            maxLength={1000}
            className="w-full rounded border border-white/40 bg-white/95 px-2 py-1 text-slate-900"
          />
        </label>
      )}
      <div className="mt-2 text-sm">
        <span className="font-semibold">{t("duty.sos.nearest")}：</span>
        {nearest.length === 0
          ? t("duty.sos.noNearest")
          : nearest.map((p) => `${p.name} ${t("duty.sos.distance", { m: p.distanceM })}`).join("，")}
      </div>
      {error && <p className="mt-1 rounded bg-white px-2 py-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}
