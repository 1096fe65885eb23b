import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { updateSegmentSchema } from "@/lib/duty/schemas";
import { deleteSegment, updateSegment } from "@/lib/duty/write-features";
import { zUuid } from "@/lib/validation";

type P = { id: string };

/** PATCH /api/v1/segments/{id} — name, geometry, roadChiefUserId (null removes the road chief). */
export const PATCH = apiRoute<P>({ permission: "grid.manage" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return updateSegment({ actor, input: parseInput(updateSegmentSchema, { ...body, id: params.id }) });
});

/** DELETE /api/v1/segments/{id} */
export const DELETE = apiRoute<P>({ permission: "grid.manage" }, async ({ actor, params }) =>
  deleteSegment({ actor, input: { id: parseInput(zUuid, params.id) } }),
);
