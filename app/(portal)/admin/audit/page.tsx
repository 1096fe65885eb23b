import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
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
        <Input
          name="entity"
          defaultValue={input.entity}
          placeholder={t("admin.auditEntity")}
          className="md:w-36"
          aria-label={t("admin.auditEntity")}
        />
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
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="audit-table">
            <thead>
              <tr>
                <Th>{t("admin.auditWhen")}</Th>
                <Th>{t("admin.auditWho")}</Th>
                <Th>{t("admin.auditAction")}</Th>
                <Th>{t("admin.auditEntity")}</Th>
                <Th>{t("admin.auditChanges")}</Th>
                <Th>{t("admin.auditIp")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((row) => (
                <Tr key={row.id.toString()}>
                  <Td className="whitespace-nowrap">{formatDateTime(row.at, locale)}</Td>
                  <Td>
                    <div>{row.actorName}</div>
                    <div className="text-xs text-slate-500">{t(`roles.${row.actorRole}`)}</div>
                  </Td>
                  <Td className="font-mono text-xs">{row.action}</Td>
                  <Td className="font-mono text-xs">
                    {row.entity}
                    {row.entityId ? <span className="block text-slate-400">{row.entityId.slice(0, 8)}</span> : null}
                  </Td>
                  <Td className="max-w-md">
                    {row.before || row.after ? (
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">{t("common.details")}</summary>
                        <div className="mt-1 grid gap-1 text-xs">
                          {row.before ? (
                            <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-red-50 p-1">
                              {t("admin.before")}: {JSON.stringify(row.before, null, 1)}
                            </pre>
                          ) : null}
                          {row.after ? (
                            <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-green-50 p-1">
                              {t("admin.after")}: {JSON.stringify(row.after, null, 1)}
                            </pre>
                          ) : null}
                        </div>
                      </details>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-xs">{row.ip ?? "—"}</Td>
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
