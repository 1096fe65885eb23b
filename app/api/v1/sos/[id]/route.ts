import { apiRoute, parseInput } from "@/lib/api/route";
import { getSos } from "@/lib/duty/sos";
import { zUuid } from "@/lib/validation";

/** GET /api/v1/sos/{id} — the alert, its handling, and the nearest on-duty people. */
export const GET = apiRoute<{ id: string }>({ permission: ["sos.handle", "map.view"] }, async ({ actor, params }) =>
  getSos({ actor, id: parseInput(zUuid, params.id) }),
);
