import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type Actor, underPath } from "@/lib/auth/actor";
import type { ImportReport } from "@/lib/import/run-import";
import { bulkPlacer, contentHashOf, importRecords, rowIssues, type ImportSource } from "@/lib/records/kernel";
import { createViolationSchema } from "./schemas";
import { violationData, violationIssues } from "./violation-data";

/**
 * Bulk import of violations (CSV with a header row of API field names, or NDJSON).
 * Each row is validated like POST /api/v1/violations (same schema, same rules, same
 * placement, same stored row), then written in batches by the kernel's bulk writer.
 * Rows without an externalRef get one derived from their content ("auto-" + hash), so
 * importing the same file twice creates nothing the second time.
 */
export async function importViolations({ actor, ...source }: { actor: Actor } & ImportSource): Promise<ImportReport> {
  assertCan(actor, "records.import");
  assertCan(actor, "violation.create");
  const canPenalize = can(actor, "violation.penalize");
  const [types, ops, placer] = await Promise.all([
    db.violationType.findMany().then((list) => new Map(list.map((t) => [t.key, t]))),
    db.operation
      .findMany({ where: { unitPath: underPath(actor.unitPath) }, select: { id: true } })
      .then((list) => new Set(list.map((o) => o.id))),
    bulkPlacer(actor),
  ]);

  return importRecords(
    {
      actor,
      entity: "violation",
      validate: (record) => {
        const parsed = createViolationSchema.safeParse(record);
        if (!parsed.success) return { ok: false, errors: rowIssues(parsed.error) };
        const input = parsed.data;
        const type = types.get(input.type);
        const operationFound = !!input.operationId && ops.has(input.operationId);
        const issues = violationIssues({ canPenalize, type, operationFound, input });
        if (issues.length) return { ok: false, errors: issues.map((i) => ({ field: i.path, message: i.message })) };
        return { ok: true, value: input };
      },
      contentHash: (input) => contentHashOf("violation", input),
      prepare: async (input) => ({ value: null, place: await placer.place(input) }),
      table: "violations",
      row: ({ input, place }) => violationData({ actor, input, type: types.get(input.type)!, place }),
    },
    source,
  );
}
