import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { acceptIncident } from "@/lib/incidents/incident-steps";
import { oneIncidentJson } from "@/lib/incidents/read-incidents";
import { stepSchema } from "@/lib/incidents/schemas";
import { withId } from "@/lib/records/api";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/incidents/{id}/accept — by the dispatched responder (or the desk for them); 200 with the incident. */
export const POST = apiRoute<{ id: string }>(
  { permission: ["incident.respond", "incident.dispatch"] },
  async ({ req, actor, params }) => {
    const input = parseInput(stepSchema, withId(await readJson(req), idOrNotFound(params.id, "incident")));
    return oneIncidentJson(await acceptIncident({ actor, input }));
  },
);
