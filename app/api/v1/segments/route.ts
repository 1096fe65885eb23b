import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { createSegmentSchema } from "@/lib/duty/schemas";
import { createSegment } from "@/lib/duty/write-features";

/** POST /api/v1/segments — { gridId, name, geometry: LineString, roadChiefUserId? } */
export const POST = apiRoute({ permission: "grid.manage" }, async ({ actor, req }) =>
  json(await createSegment({ actor, input: parseInput(createSegmentSchema, await readJson(req)) }), 201),
);
