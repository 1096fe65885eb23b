import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { cancelBeatSchema } from "@/lib/duty/schemas";
import { cancelBeat } from "@/lib/duty/update-beat";

/** POST /api/v1/beats/{id}/cancel — { reason? }; cancelling twice is harmless. */
export const POST = apiRoute<{ id: string }>({ permission: "beat.manage" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return cancelBeat({ actor, input: parseInput(cancelBeatSchema, { ...body, id: params.id }) });
});
