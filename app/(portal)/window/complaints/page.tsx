import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { AssignComplaint, CloseComplaint, NewComplaint } from "@/components/window/complaint-forms";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { complaintOwnerOptions, listComplaints } from "@/lib/window/complaints";

export const metadata = { title: "投诉" };

export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "window.supervise")) return <Forbidden />;
  const { status } = await searchParams;
  const filter = status === "open" || status === "closed" ? status : undefined;
  const [t, locale, rows, owners, units] = await Promise.all([
    getT(),
    getLocale(),
    listComplaints({ actor: user, status: filter }),
    complaintOwnerOptions(user),
    listUnitsInScope(user),
  ]);
  const unitOptions = units
    .filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD")
    .map((u) => ({ code: u.code, name: locale === "zh" ? u.nameZh : u.nameEn }));
  const tab = (value: string | undefined, label: string) => (
    <Link
      href={value ? `/window/complaints?status=${value}` : "/window/complaints"}
      className={`rounded-full px-3 py-1 text-sm ${filter === value ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-4" data-testid="complaints-page">
      <PageHeader
        title={t("window.complaints.title")}
        actions={unitOptions.length > 0 && <NewComplaint units={unitOptions} />}
      />
      <div className="flex gap-2">
        {tab(undefined, t("common.all"))}
        {tab("open", t("window.complaints.filterOpen"))}
        {tab("closed", t("window.complaints.filterClosed"))}
      </div>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title={t("window.complaints.empty")} className="border-0" />
        ) : (
          <Table data-testid="complaints-table">
            <thead>
              <tr>
                <Th>{t("window.complaints.opened")}</Th>
                <Th>{t("window.complaints.source")}</Th>
                <Th>{t("window.complaints.summary")}</Th>
                <Th>{t("window.complaints.clerk")}</Th>
                <Th>{t("window.complaints.owner")}</Th>
                <Th>{t("window.complaints.due")}</Th>
                <Th>{t("window.complaints.status")}</Th>
                <Th>{t("common.actions")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <Tr key={c.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(c.openedAt, locale)}</Td>
                  <Td>{t(`window.complaintSources.${c.source}`)}</Td>
                  <Td className="max-w-xs">
                    {c.summary ?? "—"}
                    {c.transactionId && (
                      <Link
                        className="ml-1 text-xs text-brand-700 hover:underline"
                        href={`/window/transactions/${c.transactionId}`}
                      >
                        {t("window.complaints.transaction")}
                      </Link>
                    )}
                    {c.closingNote && (
                      <p className="mt-1 text-xs text-slate-600">
                        {t("window.complaints.closingNote")}: {c.closingNote} ({c.closedByName ?? "—"})
                      </p>
                    )}
                  </Td>
                  <Td>{c.clerkName ?? "—"}</Td>
                  <Td>{c.ownerName ?? <span className="text-slate-500">{t("window.sup.unassigned")}</span>}</Td>
                  <Td className="whitespace-nowrap">
                    {c.dueDate}
                    {c.overdue && (
                      <Badge tone="red" className="ml-1">
                        {t("window.sup.overdue")}
                      </Badge>
                    )}
                  </Td>
                  <Td>
                    <Badge tone={c.status === "open" ? "yellow" : "green"}>
                      {t(`window.complaintStatus.${c.status}`)}
                    </Badge>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {c.status === "open" && (
                      <span className="flex gap-1">
                        <CloseComplaint id={c.id} />
                        <AssignComplaint
                          id={c.id}
                          ownerId={c.ownerId}
                          dueDate={c.dueDate}
                          owners={owners.map((o) => ({ id: o.id, name: o.displayName }))}
                        />
                      </span>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
