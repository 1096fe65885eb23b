import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable, EmptyNote } from "@/components/ui/data-table";
import { dueColumn } from "@/components/ui/due-date";
import { Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { AutoRefresh } from "@/components/window/auto-refresh";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { listUnitsInScope } from "@/lib/units/read-units";
import { listBusinesses } from "@/lib/window/manage-halls";
import { supervisionSchema } from "@/lib/window/schemas";
import { windowSupervision } from "@/lib/window/supervision";
import { timingColumns } from "./columns";

export const metadata = { title: "窗口督导" };

export default async function SupervisePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "window.supervise")) return <Forbidden />;
  const sp = supervisionSchema.safeParse(await searchParams);
  const unitCode = sp.success ? sp.data.unitCode : undefined;
  const [t, locale, units, businesses] = await Promise.all([
    getT(),
    getLocale(),
    listUnitsInScope(user),
    listBusinesses(),
  ]);
  const s = await orNotFound(windowSupervision({ actor: user, unitCode }));
  const bName = new Map(businesses.map((b) => [b.key, locale === "zh" ? b.nameZh : b.nameEn]));
  const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
  const dueLabels = { overdue: t("window.sup.overdue"), dueToday: t("window.sup.dueToday") };
  const timingSubtitle = `${t("window.sup.wait")} · ${t("window.sup.service")}`;
  const waitingTotal = s.waiting.reduce((a, w) => a + w.waiting, 0);
  const stat = (label: string, value: React.ReactNode, sub?: React.ReactNode, testId?: string) => (
    <Card className="p-3" data-testid={testId}>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-2xl font-semibold">{value}</div>
      {sub && <div className="text-xs text-slate-500">{sub}</div>}
    </Card>
  );
  return (
    <div className="space-y-4" data-testid="supervise-page">
      <AutoRefresh seconds={60} />
      <PageHeader
        title={t("window.sup.title")}
        subtitle={s.today}
        actions={
          <form className="flex gap-2">
            <Select name="unitCode" defaultValue={unitCode ?? ""} className="w-64" aria-label={t("window.sup.unit")}>
              <option value="">{locale === "zh" ? user.unitNameZh : user.unitNameEn}</option>
              {units
                .filter((u) => u.path !== user.unitPath)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {locale === "zh" ? u.nameZh : u.nameEn}
                  </option>
                ))}
            </Select>
            <button className={buttonClass("secondary")} type="submit">
              {t("common.filter")}
            </button>
          </form>
        }
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {stat(t("window.sup.waitingNow"), waitingTotal, undefined, "sup-waiting")}
        {stat(
          `${t("window.sup.satisfaction")} · ${t("window.sup.today")}`,
          pct(s.satisfaction.today.rate),
          `${s.satisfaction.today.total} ${t("window.sup.ratings")}`,
          "sup-satisfaction",
        )}
        {stat(
          `${t("window.sup.satisfaction")} · ${t("window.sup.month")}`,
          pct(s.satisfaction.month.rate),
          `${s.satisfaction.month.total} ${t("window.sup.ratings")} · ${t("window.sup.satisfactionHint")}`,
        )}
        {stat(
          t("window.sup.afterHours"),
          s.afterHours.today,
          `${t("window.sup.today")} · ${t("window.sup.month")} ${t("window.sup.afterHoursOf", { n: s.afterHours.month, total: s.afterHours.transactionsMonth })}`,
          "sup-after-hours",
        )}
        {stat(
          t("window.sup.openComplaints"),
          s.complaints.length,
          `${s.followUps.length} ${t("window.sup.followUps")}`,
          "sup-complaints",
        )}
      </div>

      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[1fr_2fr]">
        <Card>
          <CardHeader title={t("window.sup.waitingNow")} />
          <DataTable
            rows={s.waiting}
            rowKey={(w) => `${w.hall}-${w.businessKey}`}
            empty={<EmptyNote padded>{t("window.sup.noWaiting")}</EmptyNote>}
            columns={[
              {
                header: t("window.f.business"),
                cell: (w) => (
                  <>
                    <b className="font-mono">{w.letter}</b> {bName.get(w.businessKey) ?? w.businessKey}
                  </>
                ),
              },
              {
                header: t("window.serve.waiting"),
                headerClassName: "text-right",
                className: "text-right",
                cell: (w) => w.waiting,
              },
              {
                header: t("window.sup.oldest"),
                className: "whitespace-nowrap",
                cell: (w) => formatDateTime(w.oldestIssuedAt, locale),
              },
            ]}
          />
        </Card>
        <Card>
          <CardHeader title={t("window.sup.byWindow")} subtitle={timingSubtitle} />
          <DataTable
            testId="sup-windows"
            rows={s.windows}
            rowKey={(w) => `${w.hall}-${w.window}`}
            empty={<EmptyNote padded>{t("window.sup.noData")}</EmptyNote>}
            columns={[
              {
                header: t("window.f.window"),
                className: "whitespace-nowrap",
                cell: (w) => (
                  <>
                    {w.hall} · {t("window.f.windowN", { n: w.window })}
                  </>
                ),
              },
              ...timingColumns<(typeof s.windows)[number]>(t),
            ]}
          />
        </Card>
      </div>

      <Card>
        <CardHeader title={t("window.sup.byClerk")} subtitle={timingSubtitle} />
        <DataTable
          testId="sup-clerks"
          rows={s.clerks}
          rowKey={(c) => c.clerkId}
          empty={<EmptyNote padded>{t("window.sup.noData")}</EmptyNote>}
          columns={[
            { header: t("window.f.clerk"), cell: (c) => c.name },
            ...timingColumns<(typeof s.clerks)[number]>(t),
          ]}
        />
      </Card>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader
            title={t("window.sup.openComplaints")}
            action={
              <Link className="text-sm text-brand-700 hover:underline" href="/window/complaints">
                {t("window.tabs.complaints")} →
              </Link>
            }
          />
          <DataTable
            rows={s.complaints}
            empty={<EmptyNote padded>{t("window.sup.none")}</EmptyNote>}
            columns={[
              dueColumn<(typeof s.complaints)[number]>(t("window.sup.due"), dueLabels, (c) => ({
                due: c.dueDate,
                overdue: c.overdue,
              })),
              { header: t("window.complaints.summary"), cell: (c) => c.summary ?? "—" },
              { header: t("window.sup.owner"), cell: (c) => c.ownerName ?? t("window.sup.unassigned") },
              { header: t("window.complaints.clerk"), cell: (c) => c.clerkName ?? "—" },
            ]}
          />
        </Card>
        <Card>
          <CardHeader title={t("window.sup.followUps")} />
          <DataTable
            testId="sup-follow-ups"
            rows={s.followUps}
            empty={<EmptyNote padded>{t("window.sup.none")}</EmptyNote>}
            columns={[
              dueColumn<(typeof s.followUps)[number]>(t("window.sup.due"), dueLabels, (f) => ({
                due: (
                  <Link className="text-brand-700 hover:underline" href={`/window/transactions/${f.id}`}>
                    {f.followUpDue}
                  </Link>
                ),
                overdue: f.overdue,
                dueToday: f.dueToday,
              })),
              {
                header: t("window.f.applicantName"),
                cell: (f) => (
                  <>
                    {f.applicantName} <span className="text-xs text-slate-500">{bName.get(f.businessKey)}</span>
                  </>
                ),
              },
              { header: t("window.f.missingDocuments"), cell: (f) => f.missingDocuments },
              { header: t("window.f.clerk"), cell: (f) => f.clerkName ?? "—" },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
