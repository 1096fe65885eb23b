import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { CloseDayForm } from "@/components/window/close-day-form";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { PAYMENTS, RATINGS, RESULTS } from "@/lib/window/catalogue";
import { clerkDayTotals, dayClosing } from "@/lib/window/day-summary";
import { listBusinesses } from "@/lib/window/manage-halls";

export const metadata = { title: "日结" };

/** 日结: the clerk's day, printable, and the "close day" snapshot. */
export default async function DayPage() {
  const user = await requirePageUser();
  if (!can(user, "window.serve")) return <Forbidden />;
  const [t, locale, totals, businesses] = await Promise.all([
    getT(),
    getLocale(),
    clerkDayTotals({ actor: user }),
    listBusinesses(),
  ]);
  const closing = await dayClosing({ actor: user, day: totals.day });
  const bName = new Map(businesses.map((b) => [b.key, locale === "zh" ? b.nameZh : b.nameEn]));
  const stat = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-2xl font-semibold">{value}</div>
    </div>
  );
  return (
    <div className="space-y-4" data-testid="day-page">
      <PageHeader
        title={t("window.day.title")}
        subtitle={`${user.displayName} · ${t("window.day.today", { day: totals.day })}`}
      />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {stat(t("window.day.transactions"), totals.transactions, "day-transactions")}
        {stat(t("window.day.total"), `¥${totals.feeTotal}`)}
        {stat(
          t("window.day.avgService"),
          totals.avgServiceMinutes === null ? "—" : t("window.day.minutes", { min: totals.avgServiceMinutes }),
        )}
        {stat(
          `${t("window.day.ticketsCalled")} / ${t("window.day.noShows")}`,
          `${totals.ticketsCalled} / ${totals.noShows}`,
        )}
      </div>
      {totals.transactions === 0 ? (
        <EmptyState title={t("window.day.empty")} />
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader title={t("window.day.byBusiness")} />
            <Table>
              <thead>
                <tr>
                  <Th>{t("window.f.business")}</Th>
                  <Th className="text-right">{t("window.sup.count")}</Th>
                  <Th className="text-right">{t("window.f.feeYuan")}</Th>
                </tr>
              </thead>
              <tbody>
                {totals.byBusiness.map((b) => (
                  <Tr key={b.key}>
                    <Td>{bName.get(b.key) ?? b.key}</Td>
                    <Td className="text-right">{b.count}</Td>
                    <Td className="text-right">{b.feeYuan}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
          <Card>
            <CardHeader
              title={`${t("window.day.byPayment")} · ${t("window.day.results")} · ${t("window.day.ratings")}`}
            />
            <CardBody className="grid grid-cols-1 gap-3 sm:grid-cols-3 text-sm">
              <ul className="space-y-1">
                {PAYMENTS.filter((p) => p !== "none").map((p) => (
                  <li key={p} className="flex justify-between gap-2">
                    <span>{t(`window.payments.${p}`)}</span>
                    <b>¥{totals.feesByPayment[p] ?? 0}</b>
                  </li>
                ))}
              </ul>
              <ul className="space-y-1">
                {RESULTS.map((r) => (
                  <li key={r} className="flex justify-between gap-2">
                    <span>{t(`window.results.${r}`)}</span>
                    <b>{totals.byResult[r] ?? 0}</b>
                  </li>
                ))}
              </ul>
              <ul className="space-y-1">
                {RATINGS.map((r) => (
                  <li key={r} className="flex justify-between gap-2">
                    <span>{t(`window.ratings.${r}`)}</span>
                    <b>{totals.ratings[r] ?? 0}</b>
                  </li>
                ))}
                <li className="flex justify-between gap-2">
                  <span>{t("window.day.afterHours")}</span>
                  <b>{totals.afterHours}</b>
                </li>
                <li className="flex justify-between gap-2">
                  <span>{t("window.day.difficult")}</span>
                  <b>{totals.difficult}</b>
                </li>
              </ul>
            </CardBody>
          </Card>
        </div>
      )}
      <Card className="no-print">
        <CardBody className="space-y-3">
          {closing && (
            <p className="text-sm text-slate-600" data-testid="day-closed">
              {t("window.day.closed", { at: formatDateTime(closing.closedAt, locale) })}
              {closing.note ? ` · ${closing.note}` : ""}
            </p>
          )}
          <CloseDayForm />
        </CardBody>
      </Card>
    </div>
  );
}
