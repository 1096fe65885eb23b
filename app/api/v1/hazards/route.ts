import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { createHazard, listHazards } from "@/lib/hazards/hazards";
import { createHazardSchema, listHazardsSchema } from "@/lib/hazards/schemas";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { created, publicRow } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";

/** GET /api/v1/hazards?status&source&unit&from&to&cursor&limit */
export const GET = apiRoute({ permission: "hazard.view" }, async ({ req, actor }) => {
  const page = await listHazards({ actor, input: parseInput(listHazardsSchema, queryObject(req)) });
  const units = await unitsById(page.items.map((h) => h.unitId));
  return { items: page.items.map((h) => publicRow(h, units)), nextCursor: page.nextCursor };
});

/** POST /api/v1/hazards — 201 with the hazard; 200 on a replay. */
export const POST = apiRoute({ permission: "hazard.manage" }, async ({ req, actor }) => {
  const { record, replayed } = await createHazard({
    actor,
    input: parseInput(createHazardSchema, await readJson(req)),
    idempotencyKey: readIdempotencyKey(req.headers),
  });
  return created(publicRow(record, await unitsById([record.unitId])), replayed);
});
