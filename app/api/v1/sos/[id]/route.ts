import { apiRoute, parseInput } from "@/lib/api/route";
import { zId } from "@/lib/duty/schemas";
import { getSos } from "@/lib/duty/sos";

/** GET /api/v1/sos/{id} — the alert, its handling, and the nearest on-duty people. */
export const GET = apiRoute<{ id: string }>({ permission: ["sos.handle", "map.view"] }, async ({ actor, params }) =>
  getSos(actor, parseInput(zId, params.id)),
);
