import { pageId } from "@/lib/pages";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/ui/notices";
import { TripForm } from "@/components/window/place-forms";
import { PlaceDetail } from "@/components/window/place-detail";
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
  return (
    <PlaceDetail
      actor={user}
      t={t}
      title={`${t("window.trips.detail")} · ${trip.tripDate} ${trip.township}`}
      edit={mayEdit && <TripForm trip={trip} units={[]} label={t("window.trips.edit")} />}
      back="/window/trips"
      facts={[
        [t("window.trips.venue"), trip.venue],
        [t("window.trips.examSessions"), trip.examSessions],
        [t("window.trips.candidates"), trip.candidates],
        [t("window.trips.passed"), trip.passed],
      ]}
      notes={trip.notes}
      transactionsTitle={`${t("window.trips.transactions")} (${trip.transactions})`}
      filter={{ tripId: trip.id }}
    >
      <RecordHistory actor={user} entity="window_outreach_trip" id={id} />
    </PlaceDetail>
  );
}
