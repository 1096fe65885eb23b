import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { saveViolationType } from "@/lib/violations/catalogue";
import { violationTypeSchema } from "@/lib/violations/schemas";

/** PATCH /api/v1/violation-types/{key} — edit a type (administrators); the key itself never changes. */
export const PATCH = apiRoute<{ key: string }>({ permission: "admin.catalogue" }, async ({ actor, req, params }) => {
  const body = await readJson(req);
  const input = parseInput(violationTypeSchema, { ...(body && typeof body === "object" ? body : {}), key: params.key });
  return saveViolationType({ actor, input, mode: "update" });
});
