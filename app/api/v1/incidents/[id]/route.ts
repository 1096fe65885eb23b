import { apiRoute } from "@/lib/api/route";
import { getIncident } from "@/lib/incidents/read-incidents";
import { recordId } from "@/lib/records/api";

/** GET /api/v1/incidents/{id} — with its timeline, dispatches and the records made from it; 404 outside scope. */
export const GET = apiRoute<{ id: string }>(
  { permission: ["incident.view", "incident.respond"] },
  async ({ actor, params }) => getIncident({ actor, input: { id: recordId(params.id, "incident") } }),
);
