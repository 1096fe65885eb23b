import { Card, CardHeader } from "@/components/ui/card";
import { listEntityHistory } from "@/lib/audit/list-audit";
import { describeAuditRows } from "@/lib/audit/describe-rows";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { AuditEntry } from "./audit-entry";

/**
 * The audit trail of one record (every change and every full ID reveal), oldest first —
 * on every detail page, as sentences (lib/audit/describe.ts, the same as /admin/audit).
 */
export async function RecordHistory({ actor, entity, id }: { actor: Actor; entity: string; id: string }) {
  const [t, locale, rows] = await Promise.all([
    getT(),
    getLocale(),
    listEntityHistory({ actor, entity, entityId: id }),
  ]);
  const lines = await describeAuditRows(rows);
  return (
    <Card data-testid="record-history">
      <CardHeader title={t("common.history")} />
      {lines.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("common.historyEmpty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {lines.map((h) => (
            <li key={h.id.toString()} className="grid gap-x-4 gap-y-1 px-4 py-2.5 sm:grid-cols-[10rem_1fr]">
              <time dateTime={h.at.toISOString()} className="whitespace-nowrap text-sm tabular-nums text-slate-600">
                {formatDateTime(h.at, locale)}
              </time>
              <AuditEntry line={h.line} locale={locale} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
