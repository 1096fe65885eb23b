import { apiRoute } from "@/lib/api/route";
import { getIncident } from "@/lib/incidents/read-incidents";
import { idOrNotFound } from "@/lib/validation";

/** GET /api/v1/incidents/{id} — with its timeline, dispatches and the records made from it; 404 outside scope. */
export const GET = apiRoute<{ id: string }>(
  { permission: ["incident.view", "incident.respond"] },
  async ({ actor, params }) => getIncident({ actor, input: { id: idOrNotFound(params.id, "incident") } }),
);
