import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { computeReport, reportInputSchema } from "@/lib/stats/compute-report";

/**
 * GET /api/v1/reports/{unitCode}?year=2019, or ?from=2019-01-01&to=2019-06-30 — the
 * statistics report as JSON, with the keys and nesting of the published figures.
 */
export const GET = apiRoute<{ unitCode: string }>({ permission: "report.view" }, async ({ actor, req, params }) =>
  computeReport({ actor, input: parseInput(reportInputSchema, { ...queryObject(req), unitCode: params.unitCode }) }),
);
