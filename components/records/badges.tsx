import { Badge } from "@/components/ui/badge";
import type { TFunction } from "@/lib/i18n/translate";

const VIOLATION_TONE: Record<string, "gray" | "blue" | "green" | "yellow" | "red" | "purple"> = {
  recorded: "blue",
  notified: "purple",
  closed: "gray",
  appealed: "yellow",
  upheld: "green",
  revoked: "red",
};
const SEVERITY_TONE: Record<string, "gray" | "yellow" | "red"> = { fatal: "red", injury: "yellow", property: "gray" };

export function ViolationStatusBadge({ status, t }: { status: string; t: TFunction }) {
  return <Badge tone={VIOLATION_TONE[status] ?? "gray"}>{t(`records.violationStatuses.${status}`)}</Badge>;
}

export function SeverityBadge({ severity, major, t }: { severity: string; major?: boolean; t: TFunction }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={SEVERITY_TONE[severity] ?? "gray"}>{t(`records.severities.${severity}`)}</Badge>
      {major && <Badge tone="red">{t("records.major")}</Badge>}
    </span>
  );
}

export function SeriousBadge({ t }: { t: TFunction }) {
  return <Badge tone="red">{t("records.serious")}</Badge>;
}
