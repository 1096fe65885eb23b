import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { listPersonnel } from "@/lib/duty/list-personnel";
import { personnelQuerySchema } from "@/lib/duty/schemas";

/** GET /api/v1/personnel?unit&role — active officers (OFFICER) and auxiliaries who can be rostered. */
export const GET = apiRoute({ permission: "beat.view" }, async ({ actor, req }) => ({
  items: await listPersonnel({ actor, input: parseInput(personnelQuerySchema, queryObject(req)) }),
}));
