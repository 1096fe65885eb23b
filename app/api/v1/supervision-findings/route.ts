import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { findingSchema, listFindingsSchema } from "@/lib/keyvehicles/schemas";
import { createFinding, listFindings } from "@/lib/keyvehicles/supervision";
import { created, publicRow } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";

/** GET /api/v1/supervision-findings?status=open|controlled|closed|active&kind&unit&cursor&limit */
export const GET = apiRoute({ permission: "keyvehicle.view" }, async ({ req, actor }) => {
  const page = await listFindings({ actor, input: parseInput(listFindingsSchema, queryObject(req)) });
  const units = await unitsById(page.items.map((f) => f.unitId));
  return { items: page.items.map((f) => publicRow(f, units)), nextCursor: page.nextCursor };
});

/** POST /api/v1/supervision-findings — a finding from an inspection or a report. */
export const POST = apiRoute({ permission: "keyvehicle.manage" }, async ({ req, actor }) => {
  const { record, replayed } = await createFinding({
    actor,
    input: parseInput(findingSchema, await readJson(req)),
    idempotencyKey: readIdempotencyKey(req.headers),
  });
  return created(publicRow(record, await unitsById([record.unitId])), replayed);
});
