import { accidentJson, getAccident } from "@/lib/accidents/read-accidents";
import { updateAccidentSchema } from "@/lib/accidents/schemas";
import { updateAccident } from "@/lib/accidents/update-accident";
import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { withId } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { idOrNotFound } from "@/lib/validation";

type P = { id: string };

/** GET /api/v1/accidents/{id} — 404 outside the caller's scope. */
export const GET = apiRoute<P>({ permission: "accident.view" }, async ({ actor, params }) => {
  const a = await getAccident({ actor, id: idOrNotFound(params.id, "accident") });
  return accidentJson(a, await unitsById([a.unitId]));
});

/** PATCH /api/v1/accidents/{id} — counts, hit-and-run solved, handling, status. */
export const PATCH = apiRoute<P>({ permission: "accident.update" }, async ({ req, actor, params }) => {
  const id = idOrNotFound(params.id, "accident");
  await updateAccident({ actor, input: parseInput(updateAccidentSchema, withId(await readJson(req), id)) });
  const a = await getAccident({ actor, id });
  return accidentJson(a, await unitsById([a.unitId]));
});
