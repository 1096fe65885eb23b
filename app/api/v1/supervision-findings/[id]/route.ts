import { apiRoute } from "@/lib/api/route";
import { getFinding } from "@/lib/keyvehicles/supervision";
import { publicRow } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { idOrNotFound } from "@/lib/validation";

/** GET /api/v1/supervision-findings/{id} — with its actions. */
export const GET = apiRoute<{ id: string }>({ permission: "keyvehicle.view" }, async ({ actor, params }) => {
  const f = await getFinding({ actor, id: idOrNotFound(params.id, "finding") });
  const units = await unitsById([f.unitId]);
  return { ...publicRow(f, units), actions: f.actions.map((a) => publicRow(a, units)) };
});
