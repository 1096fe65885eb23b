import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { windowQueueSchema } from "@/lib/window/schemas";
import { windowQueue } from "@/lib/window/tickets";

/** GET /api/v1/window/queue?hall&window — the ticket that window serves, the hall's waiting line and its no-shows. */
export const GET = apiRoute({ permission: "window.serve" }, async ({ actor, req }) => {
  const input = parseInput(windowQueueSchema, queryObject(req));
  return windowQueue({ actor, hallRef: input.hall, window: input.window });
});
