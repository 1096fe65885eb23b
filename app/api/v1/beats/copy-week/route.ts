import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { copyWeek } from "@/lib/duty/copy-week";
import { copyWeekSchema } from "@/lib/duty/schemas";

/** POST /api/v1/beats/copy-week — { unitCode (squad), week (any day of the target week) }. */
export const POST = apiRoute({ permission: "beat.manage" }, async ({ actor, req }) =>
  copyWeek({ actor, input: parseInput(copyWeekSchema, await readJson(req)) }),
);
