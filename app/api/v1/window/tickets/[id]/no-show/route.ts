import { apiRoute } from "@/lib/api/route";
import { ticketDto } from "@/lib/window/api";
import { markNoShow } from "@/lib/window/tickets";
import { idOrNotFound } from "@/lib/validation";

/** POST /api/v1/window/tickets/{id}/no-show — the called citizen did not come (过号). */
export const POST = apiRoute<{ id: string }>({ permission: "window.serve" }, async ({ actor, params }) =>
  ticketDto(await markNoShow({ actor, id: idOrNotFound(params.id, "ticket") })),
);
