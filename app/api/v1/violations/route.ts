import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { created } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { createViolation } from "@/lib/violations/create-violation";
import { listViolations } from "@/lib/violations/list-violations";
import { createViolationSchema, listViolationsSchema } from "@/lib/violations/schemas";
import { violationJson } from "@/lib/violations/serialize";

/** GET /api/v1/violations?from&to&type&status&source&plate&unit&grid&operation&serious&sort&cursor&limit */
export const GET = apiRoute({ permission: "violation.view" }, async ({ req, actor }) => {
  const input = parseInput(listViolationsSchema, queryObject(req));
  const page = await listViolations({ actor, input });
  const units = await unitsById(page.items.map((v) => v.unitId));
  return { items: page.items.map((v) => violationJson(v, units)), nextCursor: page.nextCursor };
});

/** POST /api/v1/violations — 201 with the record; 200 when it replays an earlier request (externalRef or Idempotency-Key). */
export const POST = apiRoute({ permission: "violation.create" }, async ({ req, actor }) => {
  const idempotencyKey = readIdempotencyKey(req.headers);
  const input = parseInput(createViolationSchema, await readJson(req));
  const { record, replayed } = await createViolation({ actor, input, idempotencyKey });
  return created(violationJson({ ...record, appeal: null }, await unitsById([record.unitId])), replayed);
});
