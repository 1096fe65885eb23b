import { apiRoute } from "@/lib/api/route";
import { revealCallerPhone } from "@/lib/incidents/reveal-caller";
import { recordId } from "@/lib/records/api";

/** POST /api/v1/incidents/{id}/caller → { callerPhone } in full (incident.caller; every view audited). */
export const POST = apiRoute<{ id: string }>({ permission: "incident.caller" }, async ({ actor, params }) =>
  revealCallerPhone({ actor, input: { id: recordId(params.id, "incident") } }),
);
