import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { dispatchIncident } from "@/lib/incidents/dispatch-incident";
import { oneIncidentJson } from "@/lib/incidents/read-incidents";
import { dispatchSchema } from "@/lib/incidents/schemas";
import { withId } from "@/lib/records/api";
import { idOrNotFound } from "@/lib/validation";

/**
 * POST /api/v1/incidents/{id}/dispatch — { userIds, replace? } → 200 with the incident. While a
 * dispatch stands, another is a 409 naming who dispatched whom (details.by, details.to); a
 * re-dispatch after a refusal or a timeout sends { userIds, replace: true }.
 */
export const POST = apiRoute<{ id: string }>({ permission: "incident.dispatch" }, async ({ req, actor, params }) => {
  const input = parseInput(dispatchSchema, withId(await readJson(req), idOrNotFound(params.id, "incident")));
  return oneIncidentJson(await dispatchIncident({ actor, input }));
});
