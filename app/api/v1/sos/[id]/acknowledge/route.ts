import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { handleSosSchema } from "@/lib/duty/schemas";
import { acknowledgeSos } from "@/lib/duty/sos";

/** POST /api/v1/sos/{id}/acknowledge — { note? } */
export const POST = apiRoute<{ id: string }>({ permission: "sos.handle" }, async ({ actor, params, req }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  return acknowledgeSos({ actor, input: parseInput(handleSosSchema, { ...body, id: params.id }) });
});
