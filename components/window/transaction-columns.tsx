import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { maskIdCard } from "@/lib/identity/id-card";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import type { listTransactions } from "@/lib/window/read-transactions";
import { resultTone, tone } from "./labels";

export type TransactionRow = Awaited<ReturnType<typeof listTransactions>>["items"][number];

/**
 * The columns every list of transactions shows (the full list at /window/transactions and a
 * trip's or a service point's latest): when (a link to the transaction), the business (by its
 * name in `businesses`), the applicant with the masked ID number, the result and the fee;
 * with `flags`, the time is marked when after hours and the business when difficult.
 */
export function transactionColumns({
  t,
  locale,
  businesses,
  flags = false,
}: {
  t: TFunction;
  locale: Locale;
  businesses: readonly { key: string; nameZh: string; nameEn: string }[];
  flags?: boolean;
}) {
  const flag = (on: boolean, tone: "purple" | "yellow", label: string) =>
    flags &&
    on && (
      <Badge tone={tone} className="ml-1">
        {t(label)}
      </Badge>
    );
  const name = new Map(businesses.map((b) => [b.key, locale === "zh" ? b.nameZh : b.nameEn]));
  const completedAt: Column<TransactionRow> = {
    header: t("window.f.completedAt"),
    className: "whitespace-nowrap",
    cell: (x) => (
      <>
        <Link className="text-brand-700 hover:underline" href={`/window/transactions/${x.id}`}>
          {formatDateTime(x.completedAt, locale)}
        </Link>
        {flag(x.afterHours, "purple", "window.f.afterHours")}
      </>
    ),
  };
  const business: Column<TransactionRow> = {
    header: t("window.f.business"),
    cell: (x) => (
      <>
        {name.get(x.businessKey) ?? x.businessKey}
        {flag(x.difficult, "yellow", "window.f.difficult")}
      </>
    ),
  };
  const applicant: Column<TransactionRow> = {
    header: t("window.f.applicantName"),
    className: "whitespace-nowrap",
    cell: (x) => (
      <>
        {x.applicantName} <span className="font-mono text-xs text-slate-500">{maskIdCard(x.applicantIdNumber)}</span>
      </>
    ),
  };
  const result: Column<TransactionRow> = {
    header: t("window.f.result"),
    cell: (x) => <Badge tone={tone(resultTone, x.result)}>{t(`window.results.${x.result}`)}</Badge>,
  };
  // Right-aligned as a figure, without tabular digits (as the lists always showed it).
  const fee: Column<TransactionRow> = {
    header: t("window.f.feeYuan"),
    headerClassName: "text-right",
    className: "text-right",
    cell: (x) => x.feeYuan,
  };
  return { name, completedAt, business, applicant, result, fee };
}
