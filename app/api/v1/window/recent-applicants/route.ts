import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { recentApplicants } from "@/lib/window/read-transactions";
import { recentApplicantsSchema } from "@/lib/window/schemas";

/** GET /api/v1/window/recent-applicants?q — recent applicants in scope (ID numbers masked), newest first. */
export const GET = apiRoute({ permission: "window.serve" }, async ({ actor, req }) => {
  const input = parseInput(recentApplicantsSchema, queryObject(req));
  return { items: await recentApplicants({ actor, q: input.q }) };
});
