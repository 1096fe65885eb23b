import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { blackSpotCandidates } from "@/lib/hazards/black-spots";
import { blackSpotsSchema } from "@/lib/hazards/schemas";

/** GET /api/v1/black-spots?unit&months=12&minAccidents=3 — H3 (res. 8) cells with ≥ 3 injury/fatal accidents. */
export const GET = apiRoute({ permission: "hazard.view" }, async ({ req, actor }) => ({
  items: await blackSpotCandidates({ actor, input: parseInput(blackSpotsSchema, queryObject(req)) }),
}));
