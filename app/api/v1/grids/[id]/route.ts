import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { getGrid } from "@/lib/duty/list-grids";
import { updateGridSchema } from "@/lib/duty/schemas";
import { archiveGrid, updateGrid } from "@/lib/duty/write-grids";
import { zUuid } from "@/lib/validation";

type P = { id: string };

/** GET /api/v1/grids/{id} — one grid with its segments and must-reach points. */
export const GET = apiRoute<P>({ permission: ["grid.view", "map.view"] }, async ({ actor, params }) =>
  getGrid({ actor, id: parseInput(zUuid, params.id) }),
);

/** PATCH /api/v1/grids/{id} — name, kind, geometry, factors; records are reassigned after a geometry change. */
export const PATCH = apiRoute<P>({ permission: "grid.manage" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return updateGrid({ actor, input: parseInput(updateGridSchema, { ...body, id: params.id }) });
});

/** DELETE /api/v1/grids/{id} — retires the grid (archived when beats used it). */
export const DELETE = apiRoute<P>({ permission: "grid.manage" }, async ({ actor, params }) =>
  archiveGrid({ actor, input: { id: parseInput(zUuid, params.id) } }),
);
