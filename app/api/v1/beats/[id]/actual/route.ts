import { apiRoute, parseInput } from "@/lib/api/route";
import { beatPlanVsActual } from "@/lib/duty/plan-vs-actual";
import { zUuid } from "@/lib/validation";

/** GET /api/v1/beats/{id}/actual — must-reach arrivals and share of the shift inside the grid. */
export const GET = apiRoute<{ id: string }>({ permission: "beat.view" }, async ({ actor, params }) =>
  beatPlanVsActual({ actor, beatId: parseInput(zUuid, params.id) }),
);
