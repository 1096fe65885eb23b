import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { raiseSosSchema } from "@/lib/duty/schemas";
import { listSos, raiseSos } from "@/lib/duty/sos";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";

/** POST /api/v1/sos — { lat, lng, accuracyM?, at?, message?, userId? (tokens) }; 201, or 200 when already open or a replay (Idempotency-Key). */
export const POST = apiRoute({ permission: "sos.raise" }, async ({ actor, req }) => {
  const r = await raiseSos({
    actor,
    input: parseInput(raiseSosSchema, await readJson(req)),
    idempotencyKey: readIdempotencyKey(req.headers),
  });
  return json(r, r.existing ? 200 : 201);
});

/** GET /api/v1/sos — alerts not yet resolved in scope, newest first. */
export const GET = apiRoute({ permission: ["sos.handle", "map.view"] }, async ({ actor }) => ({
  items: await listSos({ actor }),
}));
