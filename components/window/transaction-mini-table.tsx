import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import type { Actor } from "@/lib/auth/actor";
import { getLocale, getT } from "@/lib/i18n/server";
import { listBusinesses } from "@/lib/window/manage-halls";
import { listTransactions } from "@/lib/window/read-transactions";
import { listTransactionsSchema } from "@/lib/window/schemas";
import { transactionColumns } from "./transaction-columns";

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
  if (!page.items.length) return <EmptyState title={t("window.list.empty")} className="border-0" />;
  const qs = new URLSearchParams(filter as Record<string, string>).toString();
  const c = transactionColumns({ t, locale, businesses });
  return (
    <div>
      <DataTable
        testId="place-transactions"
        rows={page.items}
        columns={[c.completedAt, c.business, c.applicant, c.result, c.fee]}
        empty={null}
      />
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
