import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { createIncident } from "@/lib/incidents/create-incident";
import { listIncidents, oneIncidentJson } from "@/lib/incidents/read-incidents";
import { createIncidentSchema, listIncidentsSchema } from "@/lib/incidents/schemas";
import { created } from "@/lib/records/api";

/** GET /api/v1/incidents?unit&status&open&from&to&kind&source&grid&beat&cursor&limit — newest call first. */
export const GET = apiRoute({ permission: ["incident.view", "incident.respond"] }, async ({ req, actor }) =>
  listIncidents({ actor, input: parseInput(listIncidentsSchema, queryObject(req)) }),
);

/**
 * POST /api/v1/incidents — { source, kind, priority?, lat, lng, address?, description?, callerName?,
 * callerPhone?, receivedAt?, unitCode?, externalRef? } → 201 { id, status, … }; 200 on a replay
 * (externalRef or Idempotency-Key), 409 when the externalRef names different content.
 */
export const POST = apiRoute({ permission: "incident.create" }, async ({ req, actor }) => {
  const idempotencyKey = readIdempotencyKey(req.headers);
  const input = parseInput(createIncidentSchema, await readJson(req));
  const { record, replayed } = await createIncident({ actor, input, idempotencyKey });
  return created(await oneIncidentJson(record), replayed);
});
