import { IncidentDesk } from "@/components/incidents/desk";
import { ResponderPanel } from "@/components/incidents/responder-panel";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { listPlaces } from "@/lib/incidents/places";
import { listIncidents, listMyIncidents } from "@/lib/incidents/read-incidents";
import { listIncidentsSchema } from "@/lib/incidents/schemas";
import { toWire } from "@/lib/incidents/wire";

export async function generateMetadata() {
  return { title: (await getT())("nav.incidents") };
}

/**
 * /incidents — the incident desk (接处警) for duty officers and commanders; for the road
 * police and auxiliaries, the incidents they are dispatched to (their side of it).
 */
export default async function IncidentsPage() {
  const user = await requirePageUser();
  const t = await getT();
  if (can(user, "incident.view")) {
    const [page, places] = await Promise.all([
      listIncidents({ actor: user, input: listIncidentsSchema.parse({ open: "1", limit: 200 }) }),
      can(user, "incident.create") ? listPlaces({ actor: user }) : Promise.resolve([]),
    ]);
    return (
      <div>
        <PageHeader title={t("incidents.deskTitle")} subtitle={t("incidents.deskIntro")} />
        <IncidentDesk initial={toWire(page.items)} places={places} canCaller={can(user, "incident.caller")} />
      </div>
    );
  }
  if (can(user, "incident.respond")) {
    const mine = await listMyIncidents({ actor: user });
    return (
      <div>
        <PageHeader title={t("incidents.mineTitle")} subtitle={t("incidents.mineIntro")} />
        <ResponderPanel initial={toWire(mine)} userId={user.userId} />
      </div>
    );
  }
  return <Forbidden />;
}
