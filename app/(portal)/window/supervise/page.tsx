import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
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
  const mins = (v: number | null) => (v === null ? "—" : t("window.sup.minutes", { min: v }));
  const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
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
          {s.waiting.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">{t("window.sup.noWaiting")}</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("window.f.business")}</Th>
                  <Th className="text-right">{t("window.serve.waiting")}</Th>
                  <Th>{t("window.sup.oldest")}</Th>
                </tr>
              </thead>
              <tbody>
                {s.waiting.map((w) => (
                  <Tr key={`${w.hall}-${w.businessKey}`}>
                    <Td>
                      <b className="font-mono">{w.letter}</b> {bName.get(w.businessKey) ?? w.businessKey}
                    </Td>
                    <Td className="text-right">{w.waiting}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(w.oldestIssuedAt, locale)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader
            title={t("window.sup.byWindow")}
            subtitle={`${t("window.sup.wait")} · ${t("window.sup.service")}`}
          />
          {s.windows.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">{t("window.sup.noData")}</p>
          ) : (
            <Table data-testid="sup-windows">
              <thead>
                <tr>
                  <Th>{t("window.f.window")}</Th>
                  <Th>
                    {t("window.sup.wait")} · {t("window.sup.today")}
                  </Th>
                  <Th>{t("window.sup.month")}</Th>
                  <Th>
                    {t("window.sup.service")} · {t("window.sup.today")}
                  </Th>
                  <Th>{t("window.sup.month")}</Th>
                </tr>
              </thead>
              <tbody>
                {s.windows.map((w) => (
                  <Tr key={`${w.hall}-${w.window}`}>
                    <Td className="whitespace-nowrap">
                      {w.hall} · {t("window.f.windowN", { n: w.window })}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {mins(w.wait.today.avgMin)} <span className="text-xs text-slate-500">({w.wait.today.count})</span>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {mins(w.wait.month.avgMin)} <span className="text-xs text-slate-500">({w.wait.month.count})</span>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {mins(w.service.today.avgMin)}{" "}
                      <span className="text-xs text-slate-500">({w.service.today.count})</span>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {mins(w.service.month.avgMin)}{" "}
                      <span className="text-xs text-slate-500">({w.service.month.count})</span>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>

      <Card>
        <CardHeader title={t("window.sup.byClerk")} subtitle={`${t("window.sup.wait")} · ${t("window.sup.service")}`} />
        {s.clerks.length === 0 ? (
          <p className="p-4 text-sm text-slate-500">{t("window.sup.noData")}</p>
        ) : (
          <Table data-testid="sup-clerks">
            <thead>
              <tr>
                <Th>{t("window.f.clerk")}</Th>
                <Th>
                  {t("window.sup.wait")} · {t("window.sup.today")}
                </Th>
                <Th>{t("window.sup.month")}</Th>
                <Th>
                  {t("window.sup.service")} · {t("window.sup.today")}
                </Th>
                <Th>{t("window.sup.month")}</Th>
              </tr>
            </thead>
            <tbody>
              {s.clerks.map((c) => (
                <Tr key={c.clerkId}>
                  <Td>{c.name}</Td>
                  <Td className="whitespace-nowrap">
                    {mins(c.wait.today.avgMin)} <span className="text-xs text-slate-500">({c.wait.today.count})</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {mins(c.wait.month.avgMin)} <span className="text-xs text-slate-500">({c.wait.month.count})</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {mins(c.service.today.avgMin)}{" "}
                    <span className="text-xs text-slate-500">({c.service.today.count})</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {mins(c.service.month.avgMin)}{" "}
                    <span className="text-xs text-slate-500">({c.service.month.count})</span>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
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
          {s.complaints.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">{t("window.sup.none")}</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("window.sup.due")}</Th>
                  <Th>{t("window.complaints.summary")}</Th>
                  <Th>{t("window.sup.owner")}</Th>
                  <Th>{t("window.complaints.clerk")}</Th>
                </tr>
              </thead>
              <tbody>
                {s.complaints.map((c) => (
                  <Tr key={c.id}>
                    <Td className="whitespace-nowrap">
                      {c.dueDate}
                      {c.overdue && (
                        <Badge tone="red" className="ml-1">
                          {t("window.sup.overdue")}
                        </Badge>
                      )}
                    </Td>
                    <Td>{c.summary ?? "—"}</Td>
                    <Td>{c.ownerName ?? t("window.sup.unassigned")}</Td>
                    <Td>{c.clerkName ?? "—"}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title={t("window.sup.followUps")} />
          {s.followUps.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">{t("window.sup.none")}</p>
          ) : (
            <Table data-testid="sup-follow-ups">
              <thead>
                <tr>
                  <Th>{t("window.sup.due")}</Th>
                  <Th>{t("window.f.applicantName")}</Th>
                  <Th>{t("window.f.missingDocuments")}</Th>
                  <Th>{t("window.f.clerk")}</Th>
                </tr>
              </thead>
              <tbody>
                {s.followUps.map((f) => (
                  <Tr key={f.id}>
                    <Td className="whitespace-nowrap">
                      <Link className="text-brand-700 hover:underline" href={`/window/transactions/${f.id}`}>
                        {f.followUpDue}
                      </Link>
                      {f.overdue ? (
                        <Badge tone="red" className="ml-1">
                          {t("window.sup.overdue")}
                        </Badge>
                      ) : f.dueToday ? (
                        <Badge tone="yellow" className="ml-1">
                          {t("window.sup.dueToday")}
                        </Badge>
                      ) : null}
                    </Td>
                    <Td>
                      {f.applicantName} <span className="text-xs text-slate-500">{bName.get(f.businessKey)}</span>
                    </Td>
                    <Td>{f.missingDocuments}</Td>
                    <Td>{f.clerkName ?? "—"}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </div>
  );
}
