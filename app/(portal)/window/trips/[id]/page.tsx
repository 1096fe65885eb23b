import Link from "next/link";
import { pageId } from "@/lib/pages";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { TripForm } from "@/components/window/place-forms";
import { TransactionMiniTable } from "@/components/window/transaction-mini-table";
import { RecordHistory } from "@/components/ui/record-history";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getOutreachTrip } from "@/lib/window/outreach";

export default async function TripPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  const id = await pageId(params);
  const trip = await getOutreachTrip({ actor: user, id });
  if (!trip) notFound();
  const t = await getT();
  const mayEdit = can(user, "window.serve") || can(user, "window.manage");
  const item = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${t("window.trips.detail")} · ${trip.tripDate} ${trip.township}`}
        actions={
          <>
            {mayEdit && <TripForm trip={trip} units={[]} label={t("window.trips.edit")} />}
            <Link className="text-sm text-brand-700 hover:underline" href="/window/trips">
              ← {t("common.back")}
            </Link>
          </>
        }
      />
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {item(t("window.trips.venue"), trip.venue ?? "—")}
            {item(t("window.trips.examSessions"), trip.examSessions)}
            {item(t("window.trips.candidates"), trip.candidates)}
            {item(t("window.trips.passed"), trip.passed ?? "—")}
          </dl>
          {trip.notes && <p className="mt-3 text-sm text-slate-700">{trip.notes}</p>}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={`${t("window.trips.transactions")} (${trip.transactions})`} />
        <TransactionMiniTable actor={user} filter={{ tripId: trip.id }} />
      </Card>
      <RecordHistory actor={user} entity="window_outreach_trip" id={id} />
    </div>
  );
}
