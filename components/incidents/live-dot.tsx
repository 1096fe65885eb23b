"use client";
import { clsx } from "clsx";
import { useT } from "@/lib/i18n/client";
import type { LiveStatus } from "./use-incident-events";

/** Whether the live feed is connected (green), reconnecting (amber) or ended with the session (red). */
export function LiveDot({ status }: { status: LiveStatus }) {
  const t = useT();
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600" data-testid="incident-live" data-status={status}>
      <span
        className={clsx(
          "h-2.5 w-2.5 rounded-full",
          status === "live" ? "bg-green-500" : status === "expired" ? "bg-red-500" : "animate-pulse bg-amber-400",
        )}
      />
      {status === "live"
        ? t("incidents.live")
        : status === "expired"
          ? t("errors.UNAUTHENTICATED")
          : t("incidents.reconnecting")}
    </span>
  );
}
