import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { createPointSchema } from "@/lib/duty/schemas";
import { createPoint } from "@/lib/duty/write-features";

/** POST /api/v1/must-reach-points — { gridId, name, lat, lng, radiusM?, timeWindows? } */
export const POST = apiRoute({ permission: "grid.manage" }, async ({ actor, req }) =>
  json(await createPoint({ actor, input: parseInput(createPointSchema, await readJson(req)) }), 201),
);
