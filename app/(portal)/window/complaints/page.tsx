import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CardTable, type Column } from "@/components/ui/data-table";
import { dueColumn } from "@/components/ui/due-date";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
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
  const columns: Column<(typeof rows)[number]>[] = [
    {
      header: t("window.complaints.opened"),
      className: "whitespace-nowrap",
      cell: (c) => formatDateTime(c.openedAt, locale),
    },
    { header: t("window.complaints.source"), cell: (c) => t(`window.complaintSources.${c.source}`) },
    {
      header: t("window.complaints.summary"),
      className: "max-w-xs",
      cell: (c) => (
        <>
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
        </>
      ),
    },
    { header: t("window.complaints.clerk"), cell: (c) => c.clerkName ?? "—" },
    {
      header: t("window.complaints.owner"),
      cell: (c) => c.ownerName ?? <span className="text-slate-500">{t("window.sup.unassigned")}</span>,
    },
    dueColumn<(typeof rows)[number]>(t("window.complaints.due"), { overdue: t("window.sup.overdue") }, (c) => ({
      due: c.dueDate,
      overdue: c.overdue,
    })),
    {
      header: t("window.complaints.status"),
      cell: (c) => (
        <Badge tone={c.status === "open" ? "yellow" : "green"}>{t(`window.complaintStatus.${c.status}`)}</Badge>
      ),
    },
    {
      header: t("common.actions"),
      className: "whitespace-nowrap",
      cell: (c) =>
        c.status === "open" && (
          <span className="flex gap-1">
            <CloseComplaint id={c.id} />
            <AssignComplaint
              id={c.id}
              ownerId={c.ownerId}
              dueDate={c.dueDate}
              owners={owners.map((o) => ({ id: o.id, name: o.displayName }))}
            />
          </span>
        ),
    },
  ];
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
      <CardTable emptyTitle={t("window.complaints.empty")} testId="complaints-table" rows={rows} columns={columns} />
    </div>
  );
}
