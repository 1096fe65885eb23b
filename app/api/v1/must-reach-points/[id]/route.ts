import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { updatePointSchema } from "@/lib/duty/schemas";
import { deletePoint, updatePoint } from "@/lib/duty/write-features";
import { zUuid } from "@/lib/validation";

type P = { id: string };

/** PATCH /api/v1/must-reach-points/{id} */
export const PATCH = apiRoute<P>({ permission: "grid.manage" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return updatePoint({ actor, input: parseInput(updatePointSchema, { ...body, id: params.id }) });
});

/** DELETE /api/v1/must-reach-points/{id} — archived instead when beats used the point. */
export const DELETE = apiRoute<P>({ permission: "grid.manage" }, async ({ actor, params }) =>
  deletePoint({ actor, input: { id: parseInput(zUuid, params.id) } }),
);
