import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { closeIncident } from "@/lib/incidents/incident-steps";
import { oneIncidentJson } from "@/lib/incidents/read-incidents";
import { closeSchema } from "@/lib/incidents/schemas";
import { withId } from "@/lib/records/api";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/incidents/{id}/close — { outcome, feedback: { reached, satisfied? } } (结案 and 回访). */
export const POST = apiRoute<{ id: string }>({ permission: "incident.dispatch" }, async ({ req, actor, params }) => {
  const input = parseInput(closeSchema, withId(await readJson(req), idOrNotFound(params.id, "incident")));
  return oneIncidentJson(await closeIncident({ actor, input }));
});
