import { apiRoute, parseInput } from "@/lib/api/route";
import { exportParams } from "@/lib/records/export-params";
import { exportViolations } from "@/lib/violations/export-violations";
import { listViolationsSchema } from "@/lib/violations/schemas";

/** GET /api/v1/violations/export?format=csv|xlsx&<the list's filters> — streamed, any size. */
export const GET = apiRoute({ permission: "records.export" }, async ({ req, actor }) => {
  const { format, locale, filters } = exportParams(req);
  return exportViolations({ actor, input: parseInput(listViolationsSchema, filters), format, locale });
});
