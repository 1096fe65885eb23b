import { Badge } from "@/components/ui/badge";
import type { TFunction } from "@/lib/i18n/translate";

const PRIORITY_TONE = { 1: "red", 2: "yellow", 3: "gray" } as const;
const STATUS_TONE: Record<string, "gray" | "blue" | "green" | "yellow" | "red" | "purple"> = {
  received: "red",
  dispatched: "yellow",
  accepted: "blue",
  on_scene: "purple",
  handled: "green",
  closed: "gray",
  cancelled: "gray",
};

export function PriorityBadge({ priority, t }: { priority: number; t: TFunction }) {
  return (
    <Badge tone={PRIORITY_TONE[priority as 1 | 2 | 3] ?? "gray"}>
      {priority}·{t(`incidents.priorities.${priority}`)}
    </Badge>
  );
}

export function StatusBadge({ status, t }: { status: string; t: TFunction }) {
  return (
    <span data-testid="incident-status" data-status={status}>
      <Badge tone={STATUS_TONE[status] ?? "gray"}>{t(`incidents.statuses.${status}`)}</Badge>
    </span>
  );
}

/** "12 min ago"-style age of an instant, in whole minutes. */
export const minutesSince = (iso: string | null | undefined, now: number) =>
  iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000)) : 0;

export function distanceLabel(t: TFunction, m: number | null): string {
  if (m === null) return t("incidents.noFix");
  return m < 1000 ? t("incidents.distance", { m }) : t("incidents.distanceKm", { km: (m / 1000).toFixed(1) });
}
