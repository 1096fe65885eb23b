import { apiRoute } from "@/lib/api/route";
import { pathId, ticketDto } from "@/lib/window/api";
import { markNoShow } from "@/lib/window/tickets";

/** POST /api/v1/window/tickets/{id}/no-show — the called citizen did not come (过号). */
export const POST = apiRoute<{ id: string }>({ permission: "window.serve" }, async ({ actor, params }) =>
  ticketDto(await markNoShow({ actor, id: pathId(params.id, "ticket") })),
);
