import { apiRoute } from "@/lib/api/route";
import { listUnitPersonnel } from "@/lib/units/read-units";

/** GET /api/v1/units/{code}/users — people of a unit and its sub-units (404 outside scope). */
export const GET = apiRoute<{ code: string }>({ permission: "unit.view" }, async ({ actor, params }) => ({
  items: await listUnitPersonnel({ actor, code: params.code }),
}));
