import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { closeFindingSchema } from "@/lib/keyvehicles/schemas";
import { closeFinding } from "@/lib/keyvehicles/supervision";
import { publicRow, withId } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/supervision-findings/{id}/close — 销号, with a closing note (needs an action taken first). */
export const POST = apiRoute<{ id: string }>({ permission: "keyvehicle.manage" }, async ({ req, actor, params }) => {
  const f = await closeFinding({
    actor,
    input: parseInput(closeFindingSchema, withId(await readJson(req), idOrNotFound(params.id, "finding"))),
  });
  return publicRow(f, await unitsById([f.unitId]));
});
