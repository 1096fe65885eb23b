import { apiRoute } from "@/lib/api/route";
import { proposeResponders } from "@/lib/incidents/responders";
import { idOrNotFound } from "@/lib/validation";

/** GET /api/v1/incidents/{id}/responders → { items: [{ userId, name, role, onBeat, distanceM, fixAgeS, status }] }, best first. */
export const GET = apiRoute<{ id: string }>({ permission: "incident.dispatch" }, async ({ actor, params }) => ({
  items: await proposeResponders({ actor, input: { id: idOrNotFound(params.id, "incident") } }),
}));
