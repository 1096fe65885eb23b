import { z } from "zod";
import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { getTrack } from "@/lib/duty/list-positions";
import { zInstant } from "@/lib/duty/schemas";
import { zUuid } from "@/lib/validation";

/** GET /api/v1/positions/track?user&from&to — one person's fixes (at most 24 hours). */
export const GET = apiRoute({ permission: "map.view" }, async ({ actor, req }) => {
  const q = parseInput(z.object({ user: zUuid, from: zInstant, to: zInstant }), queryObject(req));
  return { items: await getTrack({ actor, input: { userId: q.user, from: q.from, to: q.to } }) };
});
