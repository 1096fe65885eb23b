import { apiRoute } from "@/lib/api/route";
import { getUnitByCode } from "@/lib/units/read-units";

/** GET /api/v1/units/{code} — a unit in the caller's scope, with sub-units and yearly profiles (404 outside scope). */
export const GET = apiRoute<{ code: string }>({ permission: "unit.view" }, async ({ actor, params }) =>
  getUnitByCode({ actor, code: params.code }),
);
