import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { pathId, ticketDto } from "@/lib/window/api";
import { callTicketSchema } from "@/lib/window/schemas";
import { callTicket } from "@/lib/window/tickets";

/** POST /api/v1/window/tickets/{id}/call — call (or recall) this ticket to a window: { window }. */
export const POST = apiRoute<{ id: string }>({ permission: "window.serve" }, async ({ actor, req, params }) => {
  const id = pathId(params.id, "ticket");
  const input = parseInput(callTicketSchema, await readJson(req));
  return ticketDto(await callTicket({ actor, id, input }));
});
