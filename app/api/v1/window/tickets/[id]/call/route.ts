import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { ticketDto } from "@/lib/window/api";
import { callTicketSchema } from "@/lib/window/schemas";
import { callTicket } from "@/lib/window/tickets";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/window/tickets/{id}/call — call (or recall) this ticket to a window: { window }. */
export const POST = apiRoute<{ id: string }>({ permission: "window.serve" }, async ({ actor, req, params }) => {
  const id = idOrNotFound(params.id, "ticket");
  const input = parseInput(callTicketSchema, await readJson(req));
  return ticketDto(await callTicket({ actor, id, input }));
});
