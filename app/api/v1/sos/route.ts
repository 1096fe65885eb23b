import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { raiseSosSchema } from "@/lib/duty/schemas";
import { listSos, raiseSos } from "@/lib/duty/sos";

/** POST /api/v1/sos — { lat, lng, accuracyM?, at?, message?, userId? (tokens) }; 201, or 200 when already open. */
export const POST = apiRoute({ permission: "sos.raise" }, async ({ actor, req }) => {
  const r = await raiseSos({ actor, input: parseInput(raiseSosSchema, await readJson(req)) });
  return json(r, r.existing ? 200 : 201);
});

/** GET /api/v1/sos — alerts not yet resolved in scope, newest first. */
export const GET = apiRoute({ permission: ["sos.handle", "map.view"] }, async ({ actor }) => ({
  items: await listSos(actor),
}));
