import "server-only";
import { getLocale, getT } from "@/lib/i18n/server";
import { violationTypeNames } from "@/lib/stats/type-names";
import { describeAudit, type AuditLine, type AuditRowLike } from "./describe";

/** Audit rows as sentences in the reader's language (see describe.ts), for record pages and /admin/audit. */
export async function describeAuditRows<R extends AuditRowLike>(rows: R[]): Promise<(R & { line: AuditLine })[]> {
  const needsTypes = rows.some((r) => r.entity === "violation" || r.entity === "beat");
  const [t, locale, types] = await Promise.all([
    getT(),
    getLocale(),
    needsTypes ? violationTypeNames() : Promise.resolve(null),
  ]);
  const typeName = (key: string) => {
    const x = types?.get(key);
    return x ? (locale === "zh" ? x.nameZh : x.nameEn) : undefined;
  };
  return rows.map((r) => ({ ...r, line: describeAudit(r, { t, locale, typeName }) }));
}
