import { apiRoute } from "@/lib/api/route";
import { revealCallerPhone } from "@/lib/incidents/reveal-caller";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/incidents/{id}/caller → { callerPhone } in full (incident.caller; every view audited). */
export const POST = apiRoute<{ id: string }>({ permission: "incident.caller" }, async ({ actor, params }) =>
  revealCallerPhone({ actor, input: { id: idOrNotFound(params.id, "incident") } }),
);
