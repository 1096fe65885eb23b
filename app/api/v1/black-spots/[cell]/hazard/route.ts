import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { createBlackSpotHazard } from "@/lib/hazards/black-spots";
import { blackSpotHazardSchema } from "@/lib/hazards/schemas";
import { publicRow } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";

/** POST /api/v1/black-spots/{cell}/hazard — raise a hazard for a candidate (409 if one is open). */
export const POST = apiRoute<{ cell: string }>({ permission: "hazard.manage" }, async ({ req, actor, params }) => {
  const body = await readJson(req);
  const input = parseInput(blackSpotHazardSchema, {
    ...(body && typeof body === "object" ? body : {}),
    cell: params.cell,
  });
  const { record } = await createBlackSpotHazard({
    actor,
    input,
    locale: req.nextUrl.searchParams.get("lang") === "en" ? "en" : "zh",
  });
  return json(publicRow(record, await unitsById([record.unitId])), 201);
});
