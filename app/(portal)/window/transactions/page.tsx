import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Captioned } from "@/components/ui/captioned";
import { CardTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { ratingTone, tone } from "@/components/window/labels";
import { transactionColumns } from "@/components/window/transaction-columns";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
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
  const c = transactionColumns({ t, locale, businesses, flags: true });
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
        <Captioned label={t("window.list.from")}>
          <Input type="date" name="from" defaultValue={input.from} className="w-40" />
        </Captioned>
        <Captioned label={t("window.list.to")}>
          <Input type="date" name="to" defaultValue={input.to} className="w-40" />
        </Captioned>
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
              {c.name.get(b.key)}
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
      <CardTable
        testId="transactions-table"
        emptyTitle={t("window.list.empty")}
        rows={page.items}
        columns={[
          c.completedAt,
          { header: t("window.f.ticket"), className: "font-mono", cell: (x) => x.ticket?.number ?? "—" },
          c.business,
          c.applicant,
          { header: t("window.f.plate"), className: "font-mono", cell: (x) => x.plate ?? "—" },
          {
            header: t("window.f.channel"),
            className: "whitespace-nowrap",
            cell: (x) => t(`window.channels.${x.channel}`),
          },
          c.result,
          c.fee,
          {
            header: t("window.f.clerk"),
            className: "whitespace-nowrap",
            cell: (x) => (x.clerkId ? (clerks.get(x.clerkId) ?? "—") : "—"),
          },
          {
            header: t("window.f.evaluation"),
            cell: (x) =>
              x.evaluation ? (
                <Badge tone={tone(ratingTone, x.evaluation.rating)}>{t(`window.ratings.${x.evaluation.rating}`)}</Badge>
              ) : (
                "—"
              ),
          },
        ]}
      />
      <CursorPager basePath="/window/transactions" params={sp} nextCursor={page.nextCursor} />
    </div>
  );
}
