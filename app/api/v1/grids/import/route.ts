import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { importGeoJson } from "@/lib/duty/import-geojson";
import { importGeoJsonSchema } from "@/lib/duty/schemas";

/** POST /api/v1/grids/import — { unitCode, geojson: FeatureCollection, dryRun }; all or nothing. */
export const POST = apiRoute({ permission: "grid.manage" }, async ({ actor, req }) => {
  const result = await importGeoJson({ actor, input: parseInput(importGeoJsonSchema, await readJson(req)) });
  return json(result, result.ok ? (result.written ? 201 : 200) : 422);
});
