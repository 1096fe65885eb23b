import { exportAccidents } from "@/lib/accidents/export-accidents";
import { listAccidentsSchema } from "@/lib/accidents/schemas";
import { apiRoute, parseInput } from "@/lib/api/route";
import { exportParams } from "@/lib/records/export-params";

/** GET /api/v1/accidents/export?format=csv|xlsx&<the list's filters> — streamed, any size. */
export const GET = apiRoute({ permission: "records.export" }, async ({ req, actor }) => {
  const { format, locale, filters } = exportParams(req);
  return exportAccidents({ actor, input: parseInput(listAccidentsSchema, filters), format, locale });
});
