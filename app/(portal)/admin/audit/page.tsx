import { CardTable, type Column } from "@/components/ui/data-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
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
  const entities = AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }));
  const columns: Column<(typeof lines)[number]>[] = [
    {
      header: t("admin.auditWhen"),
      className: "whitespace-nowrap tabular-nums",
      cell: (row) => formatDateTime(row.at, locale),
    },
    {
      header: t("admin.auditAction"),
      className: "min-w-80",
      cell: (row) => <AuditEntry line={row.line} locale={locale} openLabel={t("audit.openRecord")} />,
    },
    {
      header: t("admin.auditIp"),
      className: "whitespace-nowrap text-xs tabular-nums",
      cell: (row) => row.line.ip ?? "—",
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.audit")} />
      <FilterBar
        fields={[
          {
            name: "action",
            label: t("admin.auditFilterAction"),
            placeholder: t("admin.auditFilterAction"),
            className: "md:w-44",
          },
          {
            name: "entity",
            label: t("admin.auditEntity"),
            type: "select",
            all: t("admin.auditEntity"),
            options: entities,
            className: "md:w-44",
          },
          { name: "actor", label: t("admin.auditWho"), placeholder: t("admin.auditWho"), className: "md:w-36" },
          { name: "from", label: t("admin.auditFrom"), type: "date", className: "md:w-40" },
          { name: "to", label: t("admin.auditTo"), type: "date", className: "md:w-40" },
        ]}
        t={t}
        className="grid grid-cols-2 gap-2 md:flex md:flex-wrap md:items-end"
        values={input}
        submit={t("common.filter")}
      />
      <CardTable emptyTitle={t("common.empty")} testId="audit-table" rows={lines} columns={columns} />
      <CursorPager basePath="/admin/audit" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
