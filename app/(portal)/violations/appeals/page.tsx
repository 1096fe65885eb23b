import Link from "next/link";
import { clsx } from "clsx";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { countPendingAppeals, listAppeals } from "@/lib/violations/appeals";
import { daysLeft, isOverdue } from "@/lib/violations/rules";
import { listAppealsSchema } from "@/lib/violations/schemas";
import { listQuery } from "@/lib/list-query";

/** The appeals queue: pending appeals by due date, overdue ones first; decided ones on the second tab. */
export default async function AppealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "appeal.decide") && !can(user, "appeal.file")) return <Forbidden />;
  const sp = await searchParams;
  const { clean, input } = listQuery(listAppealsSchema, sp);
  const pending = (input.status ?? "pending") === "pending";
  const [t, locale, page, counts] = await Promise.all([
    getT(),
    getLocale(),
    orNotFound(listAppeals({ actor: user, input })),
    countPendingAppeals(user),
  ]);
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      className={clsx(
        "rounded-md px-3 py-1.5 text-sm font-medium",
        active ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("records.appealQueue")}
        subtitle={
          <span data-testid="appeal-counts">
            {t("records.appealsOverdueCount", { pending: counts.pending, overdue: counts.overdue })}
          </span>
        }
        actions={
          <div className="flex gap-2">
            {tab("/violations/appeals", t("records.pendingAppeals"), pending)}
            {tab("/violations/appeals?status=decided", t("records.decidedAppeals"), !pending)}
          </div>
        }
      />
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={pending ? t("records.noAppeals") : t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="appeals-table">
            <thead>
              <tr>
                <Th>{t("records.appealDue")}</Th>
                <Th>{t("records.violationType")}</Th>
                <Th>{t("records.plate")}</Th>
                <Th>{t("records.appealReason")}</Th>
                <Th>{t("records.filedAt")}</Th>
                <Th>{t("records.appealStatus")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => {
                const late = isOverdue(a);
                const left = daysLeft(a.dueAt);
                return (
                  <Tr key={a.id} className={late ? "bg-red-50/60" : undefined}>
                    <Td className="whitespace-nowrap">
                      <div className={late ? "font-semibold text-red-700" : undefined}>
                        {formatDate(a.dueAt, locale)}
                      </div>
                      {a.status === "pending" &&
                        (late ? (
                          <Badge tone="red">{t("records.overdue")}</Badge>
                        ) : (
                          <span className="text-xs text-slate-500">
                            {left === 0 ? t("records.dueToday") : t("records.daysLeft", { days: left })}
                          </span>
                        ))}
                    </Td>
                    <Td>
                      <Link
                        className="font-medium text-brand-700 hover:underline"
                        href={`/violations/${a.violationId}`}
                      >
                        {locale === "zh" ? a.violation.type.nameZh : a.violation.type.nameEn}
                      </Link>
                    </Td>
                    <Td className="whitespace-nowrap font-mono">{a.violation.plate ?? "—"}</Td>
                    <Td className="max-w-sm">
                      <span className="line-clamp-2">{a.reason}</span>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(a.filedAt, locale)}</Td>
                    <Td>
                      <Badge tone={a.status === "pending" ? "yellow" : a.status === "revoked" ? "red" : "green"}>
                        {t(`records.appealStatuses.${a.status}`)}
                      </Badge>
                    </Td>
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/violations/appeals" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
