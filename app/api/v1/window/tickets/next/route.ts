import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { ticketDto } from "@/lib/window/api";
import { callNextSchema } from "@/lib/window/schemas";
import { callNext } from "@/lib/window/tickets";

/** POST /api/v1/window/tickets/next — call the next waiting ticket to a window: { hall, window } → { ticket | null }. */
export const POST = apiRoute({ permission: "window.serve" }, async ({ actor, req }) => {
  const input = parseInput(callNextSchema, await readJson(req));
  const t = await callNext({ actor, input });
  return { ticket: t ? ticketDto(t) : null };
});
