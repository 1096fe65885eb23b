import { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listGrids } from "@/lib/duty/list-grids";
import { createGridSchema } from "@/lib/duty/schemas";
import { createGrid } from "@/lib/duty/write-grids";
import { zUnitCode } from "@/lib/units/schemas";

const query = z.object({
  unit: zUnitCode.optional(),
  geometry: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  features: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

/** GET /api/v1/grids?unit&geometry=1&features=1 — grids with risk colour, counts and staffing. */
export const GET = apiRoute({ permission: ["grid.view", "map.view"] }, async ({ actor, req }) => {
  const q = parseInput(query, queryObject(req));
  return listGrids({ actor, input: { unit: q.unit, withGeometry: q.geometry, withFeatures: q.features } });
});

/** POST /api/v1/grids — a new grid (polygon inside the squad's outline). */
export const POST = apiRoute({ permission: "grid.manage" }, async ({ actor, req }) => {
  const input = parseInput(createGridSchema, await readJson(req));
  return json(await createGrid({ actor, input }), 201);
});
