import { apiRoute } from "@/lib/api/route";
import { DUTY_TOPICS } from "@/lib/duty/events";
import { sseResponse } from "@/lib/realtime/sse";
import { signedInStreamSlot } from "@/lib/realtime/stream-slots";

/**
 * GET /api/v1/duty/events — server-sent events for the duty map: duty.position, duty.sos,
 * duty.beat, duty.grid, only for units inside the viewer's scope. Fed by Postgres
 * NOTIFY, so every app instance delivers every event. The session is checked again every
 * minute (SSE_RECHECK_MS). At most SSE_MAX_STREAMS_PER_USER streams per person (429 past it).
 */
export const GET = apiRoute({ permission: "map.view" }, async ({ actor, req, stillAllowed }) => {
  const wanted = new Set<string>(
    req.nextUrl.searchParams
      .get("topics")
      ?.split(",")
      .filter((t) => (DUTY_TOPICS as readonly string[]).includes(t)) ?? DUTY_TOPICS,
  );
  return sseResponse(req, {
    filter: (e) => wanted.has(e.topic) && e.unitPath.startsWith(actor.unitPath),
    // Closes within a minute of the viewer's sign-out, disablement or loss of the permission.
    recheck: stillAllowed,
    slot: () => signedInStreamSlot(actor),
  });
});
