import { apiRoute } from "@/lib/api/route";
import { clerkDayTotals } from "@/lib/window/day-summary";

/** GET /api/v1/window/day-totals — the signed-in clerk's figures for today (the clerk screen's header). */
export const GET = apiRoute({ permission: "window.serve" }, ({ actor }) => clerkDayTotals({ actor }));
