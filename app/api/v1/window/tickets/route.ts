import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { ticketDto } from "@/lib/window/api";
import { issueTicketSchema } from "@/lib/window/schemas";
import { issueTicket } from "@/lib/window/tickets";

/** POST /api/v1/window/tickets — issue a queue ticket: { category, hall?, appointment?, urgent? } → 201 { id, number, … }. */
export const POST = apiRoute({ permission: "window.serve" }, async ({ actor, req }) => {
  const input = parseInput(issueTicketSchema, await readJson(req));
  return json(ticketDto(await issueTicket({ actor, input })), 201);
});
