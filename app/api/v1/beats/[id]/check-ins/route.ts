import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { withId } from "@/lib/records/api";
import { checkIn } from "@/lib/duty/check-in";
import { checkInSchema } from "@/lib/duty/schemas";

/** POST /api/v1/beats/{id}/check-ins — { pointId, lat, lng, accuracyM?, at, method: auto|tap } → 201; 200 when already checked in. */
export const POST = apiRoute<{ id: string }>({ permission: "position.report" }, async ({ actor, req, params }) => {
  const body = withId(await readJson(req), params.id);
  const r = await checkIn({ actor, input: parseInput(checkInSchema, { ...body, beatId: params.id }) });
  return json(r.checkIn, r.replayed ? 200 : 201);
});
