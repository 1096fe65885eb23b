import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { getBeat } from "@/lib/duty/list-beats";
import { updateBeatSchema } from "@/lib/duty/schemas";
import { updateBeat } from "@/lib/duty/update-beat";
import { zUuid } from "@/lib/validation";

type P = { id: string };

/** GET /api/v1/beats/{id} */
export const GET = apiRoute<P>({ permission: "beat.view" }, async ({ actor, params }) =>
  getBeat({ actor, id: parseInput(zUuid, params.id) }),
);

/** PATCH /api/v1/beats/{id} — any of the create fields, plus `version` to refuse a lost update. */
export const PATCH = apiRoute<P>({ permission: "beat.manage" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  const r = await updateBeat({ actor, input: parseInput(updateBeatSchema, { ...body, id: params.id }) });
  return { ...r.beat, warnings: r.warnings };
});
