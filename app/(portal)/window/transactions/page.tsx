import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { ratingTone, resultTone, tone } from "@/components/window/labels";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { maskIdCard } from "@/lib/identity/id-card";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { displayNamesById } from "@/lib/users/list-users";
import { CHANNELS, RESULTS } from "@/lib/window/catalogue";
import { listBusinesses } from "@/lib/window/manage-halls";
import { listTransactions } from "@/lib/window/read-transactions";
import { listTransactionsSchema } from "@/lib/window/schemas";

export const metadata = { title: "业务记录" };

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  const sp = await searchParams;
  const parsed = listTransactionsSchema.safeParse(sp);
  const input = parsed.success ? parsed.data : listTransactionsSchema.parse({});
  const [t, locale, businesses, units] = await Promise.all([
    getT(),
    getLocale(),
    listBusinesses(),
    listUnitsInScope(user),
  ]);
  // A unit outside scope in the query string lists nothing rather than failing the page.
  const page = await listTransactions({ actor: user, input }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return { items: [], nextCursor: null };
    throw e;
  });
  const clerks = await displayNamesById(page.items.map((x) => x.clerkId).filter((x): x is string => !!x));
  const bName = new Map(businesses.map((b) => [b.key, locale === "zh" ? b.nameZh : b.nameEn]));
  const unitOptions = units.filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD");
  return (
    <div className="space-y-4">
      <PageHeader title={t("window.list.title")} subtitle={t("window.list.count", { count: page.items.length })} />
      <form className="flex flex-wrap items-end gap-2" role="search" data-testid="transactions-filter">
        <Input
          name="q"
          defaultValue={input.q}
          placeholder={t("window.list.search")}
          aria-label={t("common.search")}
          className="w-64"
        />
        <label className="text-sm">
          <span className="block text-xs text-slate-500">{t("window.list.from")}</span>
          <Input type="date" name="from" defaultValue={input.from} className="w-40" />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-500">{t("window.list.to")}</span>
          <Input type="date" name="to" defaultValue={input.to} className="w-40" />
        </label>
        <Select
          name="business"
          defaultValue={input.business ?? ""}
          className="w-56"
          aria-label={t("window.f.business")}
        >
          <option value="">
            {t("window.f.business")}: {t("common.all")}
          </option>
          {businesses.map((b) => (
            <option key={b.key} value={b.key}>
              {bName.get(b.key)}
            </option>
          ))}
        </Select>
        <Select name="channel" defaultValue={input.channel ?? ""} className="w-44" aria-label={t("window.f.channel")}>
          <option value="">
            {t("window.f.channel")}: {t("common.all")}
          </option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`window.channels.${c}`)}
            </option>
          ))}
        </Select>
        <Select name="result" defaultValue={input.result ?? ""} className="w-40" aria-label={t("window.f.result")}>
          <option value="">
            {t("window.f.result")}: {t("common.all")}
          </option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`window.results.${r}`)}
            </option>
          ))}
        </Select>
        {unitOptions.length > 1 && (
          <Select name="unitCode" defaultValue={input.unitCode ?? ""} className="w-56" aria-label={t("window.f.unit")}>
            <option value="">
              {t("window.f.unit")}: {t("common.all")}
            </option>
            {unitOptions.map((u) => (
              <option key={u.code} value={u.code}>
                {locale === "zh" ? u.nameZh : u.nameEn}
              </option>
            ))}
          </Select>
        )}
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="difficult" value="1" defaultChecked={!!input.difficult} />{" "}
          {t("window.list.onlyDifficult")}
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="afterHours" value="1" defaultChecked={!!input.afterHours} />{" "}
          {t("window.list.onlyAfterHours")}
        </label>
        <button className={buttonClass("secondary")} type="submit">
          {t("common.search")}
        </button>
        <Link className={buttonClass("ghost")} href="/window/transactions">
          {t("common.reset")}
        </Link>
      </form>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("window.list.empty")} className="border-0" />
        ) : (
          <Table data-testid="transactions-table">
            <thead>
              <tr>
                <Th>{t("window.f.completedAt")}</Th>
                <Th>{t("window.f.ticket")}</Th>
                <Th>{t("window.f.business")}</Th>
                <Th>{t("window.f.applicantName")}</Th>
                <Th>{t("window.f.plate")}</Th>
                <Th>{t("window.f.channel")}</Th>
                <Th>{t("window.f.result")}</Th>
                <Th className="text-right">{t("window.f.feeYuan")}</Th>
                <Th>{t("window.f.clerk")}</Th>
                <Th>{t("window.f.evaluation")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((x) => (
                <Tr key={x.id}>
                  <Td className="whitespace-nowrap">
                    <Link className="text-brand-700 hover:underline" href={`/window/transactions/${x.id}`}>
                      {formatDateTime(x.completedAt, locale)}
                    </Link>
                    {x.afterHours && (
                      <Badge tone="purple" className="ml-1">
                        {t("window.f.afterHours")}
                      </Badge>
                    )}
                  </Td>
                  <Td className="font-mono">{x.ticket?.number ?? "—"}</Td>
                  <Td>
                    {bName.get(x.businessKey) ?? x.businessKey}
                    {x.difficult && (
                      <Badge tone="yellow" className="ml-1">
                        {t("window.f.difficult")}
                      </Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {x.applicantName}{" "}
                    <span className="font-mono text-xs text-slate-500">{maskIdCard(x.applicantIdNumber)}</span>
                  </Td>
                  <Td className="font-mono">{x.plate ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{t(`window.channels.${x.channel}`)}</Td>
                  <Td>
                    <Badge tone={tone(resultTone, x.result)}>{t(`window.results.${x.result}`)}</Badge>
                  </Td>
                  <Td className="text-right">{x.feeYuan}</Td>
                  <Td className="whitespace-nowrap">{x.clerkId ? (clerks.get(x.clerkId) ?? "—") : "—"}</Td>
                  <Td>
                    {x.evaluation ? (
                      <Badge tone={tone(ratingTone, x.evaluation.rating)}>
                        {t(`window.ratings.${x.evaluation.rating}`)}
                      </Badge>
                    ) : (
                      "—"
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/window/transactions" params={sp} nextCursor={page.nextCursor} />
    </div>
  );
}
