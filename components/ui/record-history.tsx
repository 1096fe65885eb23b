import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { listEntityHistory } from "@/lib/audit/list-audit";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { getLocale, getT } from "@/lib/i18n/server";
import type { TFunction } from "@/lib/i18n/translate";

const HIDDEN = new Set([
  "id",
  "unitId",
  "unitPath",
  "brigadeId",
  "gridId",
  "contentHash",
  "createdAt",
  "updatedAt",
  "appealId",
  "recordedById",
  "recordedByTokenId",
  "externalRef",
]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Enumerated fields whose values have labels, per entity. */
const ENUMS: Record<string, Record<string, string>> = {
  violation: {
    status: "records.violationStatuses",
    source: "records.sources",
    plateColor: "records.plateColors",
    vehicleType: "records.vehicleTypes",
  },
  accident: {
    status: "records.accidentStatuses",
    severity: "records.severities",
    handling: "records.handlings",
    cause: "records.causes",
    weather: "records.weathers",
    roadType: "records.roadTypes",
  },
  hazard: { status: "hazards.statuses", source: "hazards.sources" },
  incident: { status: "incidents.statuses", kind: "incidents.kinds", source: "incidents.sources" },
};

/** A change as people read it: field labels and values in their language, ids left out. */
/** `after` of one audit row. In a change (a row with `before`), a field set to null was cleared: shown as "—". */
function summary(v: unknown, entity: string, t: TFunction, locale: Locale, showCleared: boolean): string {
  if (!v || typeof v !== "object") return "";
  const label = (k: string) => {
    for (const ns of ["records", "hazards", "keyvehicles", "duty", "window", "incidents", "admin"]) {
      const key = `${ns}.${k === "typeKey" ? "violationType" : k}`;
      const x = t(key);
      if (x !== key && typeof x === "string") return x;
    }
    return k === "status" ? t("common.status") : k;
  };
  const value = (k: string, x: unknown): string => {
    if (x === null) return "—";
    if (typeof x === "boolean") return x ? t("common.yes") : t("common.no");
    if (typeof x === "string" && ISO.test(x)) return formatDateTime(x, locale);
    const ns = ENUMS[entity]?.[k];
    if (ns && typeof x === "string") return t(`${ns}.${x}`);
    return typeof x === "object" ? JSON.stringify(x) : String(x);
  };
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => (x !== null || showCleared) && x !== undefined && !HIDDEN.has(k))
    .slice(0, 10)
    .map(([k, x]) => `${label(k)}: ${value(k, x)}`)
    .join(" · ");
}

/** The audit trail of one record (every change and every full ID reveal), oldest first — on every detail page. */
export async function RecordHistory({ actor, entity, id }: { actor: Actor; entity: string; id: string }) {
  const [t, locale, rows] = await Promise.all([getT(), getLocale(), listEntityHistory(actor, entity, id)]);
  return (
    <Card data-testid="record-history">
      <CardHeader title={t("common.history")} />
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("common.historyEmpty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("admin.auditWhen")}</Th>
              <Th>{t("admin.auditWho")}</Th>
              <Th>{t("admin.auditAction")}</Th>
              <Th>{t("admin.auditChanges")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <Tr key={h.id.toString()}>
                <Td className="whitespace-nowrap">{formatDateTime(h.at, locale)}</Td>
                <Td>
                  <div>{h.actorName}</div>
                  <div className="text-xs text-slate-500">{t(`roles.${h.actorRole}`)}</div>
                </Td>
                <Td className="font-mono text-xs">{h.action}</Td>
                <Td className="max-w-md text-xs text-slate-600">
                  {summary(h.after, entity, t, locale, h.before != null)}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
