import { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listLastPositions } from "@/lib/duty/list-positions";
import { reportPosition } from "@/lib/duty/report-position";
import { reportPositionSchema, zId } from "@/lib/duty/schemas";
import { zUnitCode } from "@/lib/units/schemas";

/** POST /api/v1/positions — { lat, lng, accuracyM?, status, at?, userId? (tokens) } */
export const POST = apiRoute({ permission: "position.report" }, async ({ actor, req }) =>
  json(await reportPosition({ actor, input: parseInput(reportPositionSchema, await readJson(req)) }), 201),
);

/** GET /api/v1/positions?unit&user — each person's last position (last 12 hours) with status and beat. */
export const GET = apiRoute({ permission: "map.view" }, async ({ actor, req }) => {
  const q = parseInput(z.object({ unit: zUnitCode.optional(), user: zId.optional() }), queryObject(req));
  return { items: await listLastPositions(actor, { unit: q.unit, userId: q.user }) };
});
