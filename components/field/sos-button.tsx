"use client";
/**
 * 一键求助: press and hold 1.5 s (a brush of the pocket raises nothing). The SOS goes into
 * the outbox at once with the last fix and is sent first, retried every 3 s while there is
 * no network; the screen says plainly that it has not been delivered yet, then shows when
 * the command centre acknowledges it.
 */
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import { enqueue } from "@/lib/field/outbox";
import { getKv, putItem, type OutboxItem } from "@/lib/field/store";
import type { RawFix } from "@/lib/field/fix-filter";
import { fixBody } from "./use-position";

const HOLD_MS = 1500;

export function SosButton({
  userId,
  lastFix,
  items,
  onRaised,
}: {
  userId: string;
  lastFix: RawFix | null;
  items: OutboxItem[];
  onRaised: () => void;
}) {
  const { t, locale } = useI18n();
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sos = [...items].reverse().find((i) => i.kind === "sos" && (i.sosStatus ?? "open") !== "resolved");

  const raise = async () => {
    let fix = lastFix;
    if (!fix && "geolocation" in navigator) {
      fix = await new Promise<RawFix | null>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          (p) =>
            resolve({ at: Date.now(), lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy }),
          () => resolve(null),
          { timeout: 5000, maximumAge: 600_000 },
        ),
      );
    }
    fix ??= (await getKv<RawFix>(`lastfix:${userId}`)) ?? null;
    const at = Date.now();
    await enqueue({
      userId,
      kind: "sos",
      body: { ...(fix ? fixBody(fix) : { lat: 0, lng: 0, accuracyM: 100_000 }), at: new Date(at).toISOString() },
      summary: "SOS",
    });
    onRaised();
  };

  const start = () => {
    if (timer.current) return;
    setHolding(true);
    timer.current = setTimeout(() => {
      timer.current = null;
      setHolding(false);
      navigator.vibrate?.(200);
      void raise();
    }, HOLD_MS);
  };
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setHolding(false);
  };

  // Once delivered, ask the server every 5 s whether the command centre has acknowledged it.
  const serverId = sos?.serverId;
  const acked = sos?.sosStatus === "acknowledged" || sos?.sosStatus === "resolved";
  useEffect(() => {
    if (!sos || !serverId || sos.sosStatus === "resolved") return;
    const poll = async () => {
      try {
        const res = await fetch(`/api/v1/sos/${serverId}`, { credentials: "same-origin" });
        if (!res.ok) return;
        const a = (await res.json()) as {
          status: string;
          acknowledgedBy: string | null;
          acknowledgedAt: string | null;
        };
        if (a.status !== sos.sosStatus)
          await putItem({ ...sos, sosStatus: a.status, sosAckBy: a.acknowledgedBy, sosAckAt: a.acknowledgedAt });
        onRaised();
      } catch {
        /* offline: try again */
      }
    };
    void poll();
    const tm = setInterval(poll, 5000);
    return () => clearInterval(tm);
  }, [sos, serverId, onRaised]);

  return (
    <div className="space-y-2">
      <button
        type="button"
        data-testid="sos-button"
        aria-label={t("field.sos.hold")}
        onPointerDown={start}
        onPointerUp={stop}
        onPointerLeave={stop}
        onPointerCancel={stop}
        onContextMenu={(e) => e.preventDefault()}
        onKeyDown={(e) => (e.key === " " || e.key === "Enter") && !e.repeat && start()}
        onKeyUp={stop}
        className={`relative h-20 w-full touch-none select-none overflow-hidden rounded-2xl text-xl font-bold text-white shadow-lg ${holding ? "bg-red-800" : "bg-red-600"}`}
      >
        <span
          aria-hidden
          className="absolute inset-y-0 left-0 bg-red-900/60"
          style={{ width: holding ? "100%" : "0%", transition: holding ? `width ${HOLD_MS}ms linear` : "none" }}
        />
        <span className="relative">{holding ? t("field.sos.holding") : t("field.sos.hold")}</span>
      </button>
      {sos && (
        <p
          role="alert"
          data-testid="sos-state"
          data-state={!sos.serverId ? "pending" : acked ? "acknowledged" : "delivered"}
          data-raised-at={sos.createdAt}
          className={`rounded-lg p-3 text-base font-semibold ${!sos.serverId ? "bg-red-100 text-red-900" : acked ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
        >
          {!sos.serverId
            ? t("field.sos.notDelivered")
            : acked
              ? t("field.sos.acknowledged", {
                  by: sos.sosAckBy ?? "",
                  time: sos.sosAckAt ? formatDateTime(sos.sosAckAt, locale) : "",
                })
              : t("field.sos.delivered")}
        </p>
      )}
    </div>
  );
}
