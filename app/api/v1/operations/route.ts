import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { createOperationSchema, listOperationsSchema } from "@/lib/hazards/schemas";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { createOperation, listOperations } from "@/lib/operations/operations";
import { created, publicRow } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";

/** GET /api/v1/operations?kind&unit&year&cursor&limit */
export const GET = apiRoute({ permission: "operation.view" }, async ({ req, actor }) => {
  const page = await listOperations({ actor, input: parseInput(listOperationsSchema, queryObject(req)) });
  const units = await unitsById(page.items.map((o) => o.unitId));
  return {
    items: page.items.map(({ _count, ...o }) => ({ ...publicRow(o, units), violations: _count.violations })),
    nextCursor: page.nextCursor,
  };
});

/** POST /api/v1/operations — a special campaign or a security escort task. */
export const POST = apiRoute({ permission: "operation.manage" }, async ({ req, actor }) => {
  const { record, replayed } = await createOperation({
    actor,
    input: parseInput(createOperationSchema, await readJson(req)),
    idempotencyKey: readIdempotencyKey(req.headers),
  });
  return created(publicRow(record, await unitsById([record.unitId])), replayed);
});
