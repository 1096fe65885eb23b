import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { handleSosSchema } from "@/lib/duty/schemas";
import { resolveSos } from "@/lib/duty/sos";

/** POST /api/v1/sos/{id}/resolve — { note? } */
export const POST = apiRoute<{ id: string }>({ permission: "sos.handle" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return resolveSos({ actor, input: parseInput(handleSosSchema, { ...body, id: params.id }) });
});
