import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { supervisionSchema } from "@/lib/window/schemas";
import { windowSupervision } from "@/lib/window/supervision";

/** GET /api/v1/window/supervision?unitCode — the supervisor's figures (today and this month). */
export const GET = apiRoute({ permission: "window.supervise" }, async ({ actor, req }) => {
  const { unitCode } = parseInput(supervisionSchema, queryObject(req));
  return windowSupervision({ actor, unitCode });
});
