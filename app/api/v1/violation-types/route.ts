import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listViolationTypes, saveViolationType } from "@/lib/violations/catalogue";
import { violationTypeSchema } from "@/lib/violations/schemas";

/** GET /api/v1/violation-types — the catalogue (keys, names, fine ranges, points, flags). */
export const GET = apiRoute(
  { permission: ["violation.view", "violation.create", "admin.catalogue"] },
  async ({ actor, req }) => ({
    items: await listViolationTypes({
      actor,
      input: { activeOnly: req.nextUrl.searchParams.get("active") === "true" },
    }),
  }),
);

/** POST /api/v1/violation-types — add a type (administrators). */
export const POST = apiRoute({ permission: "admin.catalogue" }, async ({ actor, req }) => {
  const input = parseInput(violationTypeSchema, await readJson(req));
  return json(await saveViolationType({ actor, input, mode: "create" }), 201);
});
