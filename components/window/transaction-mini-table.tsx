import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/actor";
import { maskIdCard } from "@/lib/identity/id-card";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listBusinesses } from "@/lib/window/manage-halls";
import { listTransactions } from "@/lib/window/read-transactions";
import { listTransactionsSchema } from "@/lib/window/schemas";
import { resultTone, tone } from "./labels";

/** The latest transactions of a trip or a service point, with a link to the full list. */
export async function TransactionMiniTable({
  actor,
  filter,
}: {
  actor: Actor;
  filter: { tripId?: string; pointId?: string };
}) {
  const [t, locale, businesses] = await Promise.all([getT(), getLocale(), listBusinesses()]);
  const page = await listTransactions({ actor, input: listTransactionsSchema.parse({ ...filter, limit: 50 }) });
  const bName = new Map(businesses.map((b) => [b.key, locale === "zh" ? b.nameZh : b.nameEn]));
  if (!page.items.length) return <EmptyState title={t("window.list.empty")} className="border-0" />;
  const qs = new URLSearchParams(filter as Record<string, string>).toString();
  return (
    <div>
      <Table data-testid="place-transactions">
        <thead>
          <tr>
            <Th>{t("window.f.completedAt")}</Th>
            <Th>{t("window.f.business")}</Th>
            <Th>{t("window.f.applicantName")}</Th>
            <Th>{t("window.f.result")}</Th>
            <Th className="text-right">{t("window.f.feeYuan")}</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((x) => (
            <Tr key={x.id}>
              <Td className="whitespace-nowrap">
                <Link className="text-brand-700 hover:underline" href={`/window/transactions/${x.id}`}>
                  {formatDateTime(x.completedAt, locale)}
                </Link>
              </Td>
              <Td>{bName.get(x.businessKey) ?? x.businessKey}</Td>
              <Td className="whitespace-nowrap">
                {x.applicantName}{" "}
                <span className="font-mono text-xs text-slate-500">{maskIdCard(x.applicantIdNumber)}</span>
              </Td>
              <Td>
                <Badge tone={tone(resultTone, x.result)}>{t(`window.results.${x.result}`)}</Badge>
              </Td>
              <Td className="text-right">{x.feeYuan}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {page.nextCursor && (
        <p className="p-3 text-right text-sm">
          <Link className="text-brand-700 hover:underline" href={`/window/transactions?${qs}`}>
            {t("common.more")} →
          </Link>
        </p>
      )}
    </div>
  );
}
