import { apiRoute } from "@/lib/api/route";
import { listMyIncidents } from "@/lib/incidents/read-incidents";

/** GET /api/v1/incidents/assigned — the open incidents the caller is dispatched to now (the responder's phone). */
export const GET = apiRoute({ permission: "incident.respond" }, async ({ actor }) => ({
  items: await listMyIncidents({ actor }),
}));
