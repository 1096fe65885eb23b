import { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listLastPositions } from "@/lib/duty/list-positions";
import { reportPosition, reportPositions } from "@/lib/duty/report-position";
import { reportPositionSchema, reportPositionsSchema } from "@/lib/duty/schemas";
import { zUnitCode } from "@/lib/units/schemas";
import { zUuid } from "@/lib/validation";

/**
 * POST /api/v1/positions — one fix { lat, lng, accuracyM?, status, at?, userId? (tokens) } → 201,
 * or a batch { fixes: [{ lat, lng, accuracyM?, status, at }, …≤500], userId? } → 200
 * { stored, rejected: [{ index, fields }] } (the good fixes are stored, the bad ones reported).
 */
export const POST = apiRoute({ permission: "position.report" }, async ({ actor, req }) => {
  const body = await readJson(req);
  if (body && typeof body === "object" && "fixes" in body)
    return reportPositions({ actor, input: parseInput(reportPositionsSchema, body) });
  return json(await reportPosition({ actor, input: parseInput(reportPositionSchema, body) }), 201);
});

/** GET /api/v1/positions?unit&user — each person's last position (last 12 hours) with status and beat. */
export const GET = apiRoute({ permission: "map.view" }, async ({ actor, req }) => {
  const q = parseInput(z.object({ unit: zUnitCode.optional(), user: zUuid.optional() }), queryObject(req));
  return { items: await listLastPositions({ actor, input: { unit: q.unit, userId: q.user } }) };
});
