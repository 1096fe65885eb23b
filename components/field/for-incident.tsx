"use client";
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";

/** Says which dispatched incident a record is being made for (its time, place and road came from it). */
export function ForIncident({ seed }: { seed: Record<string, unknown> }) {
  const { t, locale } = useI18n();
  const place = [seed.roadName, seed.address].filter(Boolean).join(" ");
  return (
    <p className="rounded-md bg-blue-50 p-2 text-sm text-blue-900" data-testid="for-incident">
      {t("field.capture.forIncident", {
        time: formatDateTime(new Date(String(seed.occurredAt)), locale),
        place: place || `${Number(seed.lat).toFixed(5)}, ${Number(seed.lng).toFixed(5)}`,
      })}
    </p>
  );
}
