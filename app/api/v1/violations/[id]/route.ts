import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { withId } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { getViolation } from "@/lib/violations/get-violation";
import { updateViolationSchema } from "@/lib/violations/schemas";
import { violationJson } from "@/lib/violations/serialize";
import { updateViolation } from "@/lib/violations/update-violation";
import { idOrNotFound } from "@/lib/validation";

type P = { id: string };

/** GET /api/v1/violations/{id} — 404 when it does not exist or is outside the caller's scope. */
export const GET = apiRoute<P>({ permission: "violation.view" }, async ({ actor, params }) => {
  const v = await getViolation({ actor, id: idOrNotFound(params.id, "violation") });
  return {
    ...violationJson(v, await unitsById([v.unitId])),
    typeName: { zh: v.type.nameZh, en: v.type.nameEn },
    operation: v.operation,
  };
});

/** PATCH /api/v1/violations/{id} — corrections and status steps (recorded → notified → closed). */
export const PATCH = apiRoute<P>({ permission: "violation.update" }, async ({ req, actor, params }) => {
  const id = idOrNotFound(params.id, "violation");
  const input = parseInput(updateViolationSchema, withId(await readJson(req), id));
  await updateViolation({ actor, input });
  const v = await getViolation({ actor, id });
  return violationJson(v, await unitsById([v.unitId]));
});
