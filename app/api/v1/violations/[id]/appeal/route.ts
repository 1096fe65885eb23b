import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { created } from "@/lib/records/api";
import { fileAppeal } from "@/lib/violations/appeals";
import { fileAppealSchema } from "@/lib/violations/schemas";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/violations/{id}/appeal — files an appeal (申辩); due 15 days later. */
export const POST = apiRoute<{ id: string }>({ permission: "appeal.file" }, async ({ req, actor, params }) => {
  const body = await readJson(req);
  const input = parseInput(fileAppealSchema, {
    ...(body && typeof body === "object" ? body : {}),
    violationId: idOrNotFound(params.id, "violation"),
  });
  const { appeal, replayed } = await fileAppeal({ actor, input });
  const { unitPath: _p, brigadeId: _b, ...out } = appeal;
  return created(out, replayed);
});
