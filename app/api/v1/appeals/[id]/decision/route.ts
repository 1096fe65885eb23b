import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { decideAppeal } from "@/lib/violations/appeals";
import { decideAppealSchema } from "@/lib/violations/schemas";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/appeals/{id}/decision — { decision: "upheld" | "revoked", note }; the violation takes the decision. */
export const POST = apiRoute<{ id: string }>({ permission: "appeal.decide" }, async ({ req, actor, params }) => {
  const body = await readJson(req);
  const input = parseInput(decideAppealSchema, {
    ...(body && typeof body === "object" ? body : {}),
    appealId: idOrNotFound(params.id, "appeal"),
  });
  const { unitPath: _p, brigadeId: _b, ...out } = await decideAppeal({ actor, input });
  return out;
});
