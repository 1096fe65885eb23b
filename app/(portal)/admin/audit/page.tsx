import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { AuditEntry } from "@/components/ui/audit-entry";
import { AUDIT_ENTITIES } from "@/lib/audit/describe";
import { describeAuditRows } from "@/lib/audit/describe-rows";
import { listAudit } from "@/lib/audit/list-audit";
import { listAuditSchema } from "@/lib/audit/schemas";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listQuery } from "@/lib/list-query";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "admin.audit")) return <Forbidden />;
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { clean, input } = listQuery(listAuditSchema, sp);
  const page = await listAudit({ actor: user, input });
  const lines = await describeAuditRows(page.items);
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.audit")} />
      <form className="grid grid-cols-2 gap-2 md:flex md:flex-wrap md:items-end" role="search">
        <Input
          name="action"
          defaultValue={input.action}
          placeholder={t("admin.auditFilterAction")}
          className="md:w-44"
          aria-label={t("admin.auditFilterAction")}
        />
        <Select name="entity" defaultValue={input.entity ?? ""} className="md:w-44" aria-label={t("admin.auditEntity")}>
          <option value="">{t("admin.auditEntity")}</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {t(`audit.entities.${e}`)}
            </option>
          ))}
        </Select>
        <Input
          name="actor"
          defaultValue={input.actor}
          placeholder={t("admin.auditWho")}
          className="md:w-36"
          aria-label={t("admin.auditWho")}
        />
        <Input
          name="from"
          type="date"
          defaultValue={input.from}
          className="md:w-40"
          aria-label={t("admin.auditFrom")}
        />
        <Input name="to" type="date" defaultValue={input.to} className="md:w-40" aria-label={t("admin.auditTo")} />
        <button className={buttonClass("secondary")} type="submit">
          {t("common.filter")}
        </button>
      </form>
      <Card>
        {lines.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="audit-table">
            <thead>
              <tr>
                <Th>{t("admin.auditWhen")}</Th>
                <Th>{t("admin.auditAction")}</Th>
                <Th>{t("admin.auditIp")}</Th>
              </tr>
            </thead>
            <tbody>
              {lines.map((row) => (
                <Tr key={row.id.toString()}>
                  <Td className="whitespace-nowrap tabular-nums">{formatDateTime(row.at, locale)}</Td>
                  <Td className="min-w-80">
                    <AuditEntry line={row.line} locale={locale} openLabel={t("audit.openRecord")} />
                  </Td>
                  <Td className="whitespace-nowrap text-xs tabular-nums">{row.line.ip ?? "—"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/admin/audit" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
