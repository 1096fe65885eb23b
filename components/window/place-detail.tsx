import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Actor } from "@/lib/auth/actor";
import type { TFunction } from "@/lib/i18n/translate";
import { TransactionMiniTable } from "./transaction-mini-table";

/**
 * The page of a place the window serves away from its halls (an outreach trip, a service
 * point): `title` with the `edit` form (when the user may) and a link `back` to its list; its
 * `facts` (label and value, "—" for none) and `notes`; its latest transactions (`filter`
 * picks them) under `transactionsTitle`; then `children` (its history, say).
 */
export function PlaceDetail({
  actor,
  t,
  title,
  edit,
  back,
  facts,
  notes,
  transactionsTitle,
  filter,
  children,
}: {
  actor: Actor;
  t: TFunction;
  title: string;
  edit: ReactNode;
  back: string;
  facts: [label: string, value: ReactNode][];
  notes?: string | null;
  transactionsTitle: string;
  filter: { tripId?: string; pointId?: string };
  children?: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <PageHeader
        title={title}
        actions={
          <>
            {edit}
            <Link className="text-sm text-brand-700 hover:underline" href={back}>
              ← {t("common.back")}
            </Link>
          </>
        }
      />
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="font-medium">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
          {notes && <p className="mt-3 text-sm text-slate-700">{notes}</p>}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={transactionsTitle} />
        <TransactionMiniTable actor={actor} filter={filter} />
      </Card>
      {children}
    </div>
  );
}
