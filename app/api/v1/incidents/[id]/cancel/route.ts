import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { cancelIncident } from "@/lib/incidents/incident-steps";
import { oneIncidentJson } from "@/lib/incidents/read-incidents";
import { cancelSchema } from "@/lib/incidents/schemas";
import { withId } from "@/lib/records/api";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/incidents/{id}/cancel — { reason } (a false alarm, a duplicate call). */
export const POST = apiRoute<{ id: string }>({ permission: "incident.dispatch" }, async ({ req, actor, params }) => {
  const input = parseInput(cancelSchema, withId(await readJson(req), idOrNotFound(params.id, "incident")));
  return oneIncidentJson(await cancelIncident({ actor, input }));
});
