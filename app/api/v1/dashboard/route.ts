import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { dashboardQuerySchema, getDashboard } from "@/lib/stats/dashboard";

/** GET /api/v1/dashboard?unit=522625&period=ytd|today|week|month|year|custom&year=&from=&to= */
export const GET = apiRoute({ permission: "dashboard.view" }, async ({ actor, req }) =>
  getDashboard({ actor, input: parseInput(dashboardQuerySchema, queryObject(req)) }),
);
