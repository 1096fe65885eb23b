import { apiRoute } from "@/lib/api/route";
import { incidentEventFilter } from "@/lib/incidents/live";
import { sseResponse } from "@/lib/realtime/sse";
import { signedInStreamSlot } from "@/lib/realtime/stream-slots";

/**
 * GET /api/v1/incidents/events — server-sent events (topic "incident") for the desk and the
 * map (every incident in scope) and for responders (only dispatches that name them). Fed by
 * Postgres NOTIFY, so every app instance delivers every event. The session is checked again
 * every minute (SSE_RECHECK_MS): a signed-out or disabled viewer's stream closes. At most
 * SSE_MAX_STREAMS_PER_USER streams per person (429 past it).
 */
export const GET = apiRoute(
  { permission: ["incident.view", "incident.respond"] },
  async ({ actor, req, stillAllowed }) =>
    sseResponse(req, {
      filter: incidentEventFilter(actor),
      recheck: stillAllowed,
      slot: () => signedInStreamSlot(actor),
    }),
);
