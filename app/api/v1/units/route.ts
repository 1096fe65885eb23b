import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { createUnit } from "@/lib/units/create-unit";
import { listUnitsInScope } from "@/lib/units/read-units";
import { createUnitSchema } from "@/lib/units/schemas";

/** GET /api/v1/units — every unit in the caller's scope, in tree order. */
export const GET = apiRoute({}, async ({ actor }) => ({ items: await listUnitsInScope(actor) }));

/** POST /api/v1/units — create a sub-unit (admins, within scope). */
export const POST = apiRoute({ permission: "admin.units" }, async ({ actor, req }) => {
  const input = parseInput(createUnitSchema, await readJson(req));
  const unit = await createUnit({ actor, input });
  return json(unit, 201);
});
