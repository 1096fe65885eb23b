import { apiRoute, parseInput } from "@/lib/api/route";
import { exportParams } from "@/lib/records/export-params";
import { reportInputSchema } from "@/lib/stats/compute-report";
import { exportReport } from "@/lib/stats/export-report";

/**
 * GET /api/v1/reports/{unitCode}/xlsx?year=2019 (or from/to; lang=zh|en, default the UI's
 * language) — every table of the statistics report, one sheet each.
 */
export const GET = apiRoute<{ unitCode: string }>({ permission: "report.view" }, async ({ actor, req, params }) => {
  const { locale, filters } = exportParams(req);
  return exportReport({
    actor,
    input: parseInput(reportInputSchema, { ...filters, unitCode: params.unitCode }),
    locale,
  });
});
