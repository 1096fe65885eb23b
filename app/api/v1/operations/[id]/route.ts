import { z } from "zod";
import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { operationFields } from "@/lib/hazards/schemas";
import { getOperation, updateOperation } from "@/lib/operations/operations";
import { publicRow, withId } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { idOrNotFound, zUuid } from "@/lib/validation";

type P = { id: string };
const patchSchema = z.object(operationFields).partial().extend({ id: zUuid });

export const GET = apiRoute<P>({ permission: "operation.view" }, async ({ actor, params }) => {
  const { _count, ...op } = await getOperation({ actor, id: idOrNotFound(params.id, "operation") });
  return { ...publicRow(op, await unitsById([op.unitId])), violations: _count.violations };
});

export const PATCH = apiRoute<P>({ permission: "operation.manage" }, async ({ req, actor, params }) => {
  const op = await updateOperation({
    actor,
    input: parseInput(patchSchema, withId(await readJson(req), idOrNotFound(params.id, "operation"))),
  });
  return publicRow(op, await unitsById([op.unitId]));
});
