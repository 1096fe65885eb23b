import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { getHazard, updateHazard } from "@/lib/hazards/hazards";
import { updateHazardSchema } from "@/lib/hazards/schemas";
import { publicRow, withId } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { idOrNotFound } from "@/lib/validation";

type P = { id: string };

export const GET = apiRoute<P>({ permission: "hazard.view" }, async ({ actor, params }) => {
  const h = await getHazard({ actor, id: idOrNotFound(params.id, "hazard") });
  return publicRow(h, await unitsById([h.unitId]));
});

/** PATCH /api/v1/hazards/{id} — edit, or status open → rectifying → closed (closingNote required). */
export const PATCH = apiRoute<P>({ permission: "hazard.manage" }, async ({ req, actor, params }) => {
  const h = await updateHazard({
    actor,
    input: parseInput(updateHazardSchema, withId(await readJson(req), idOrNotFound(params.id, "hazard"))),
  });
  return publicRow(h, await unitsById([h.unitId]));
});
