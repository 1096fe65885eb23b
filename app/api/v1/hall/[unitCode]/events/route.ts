import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { sseResponse } from "@/lib/realtime/sse";
import { metaFromHeaders } from "@/lib/request-meta";
import {
  BOARD_TOPIC,
  boardHall,
  boardState,
  boardStreamSlot,
  publicBoardEvent,
  type BoardEvent,
} from "@/lib/window/board";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/hall/{unitCode}/events?hall=code — server-sent events for the public hall
 * board: the current state first ("window.board.state"), then each call and queue change
 * of this hall ("window.board"). Payloads carry ticket numbers, windows and counts only
 * (no unit path). Open streams are capped per unit and overall (503 past the cap).
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ unitCode: string }> }) {
  const { unitCode } = await params;
  const hallCode = req.nextUrl.searchParams.get("hall");
  try {
    const { unit, hall } = await boardHall(unitCode, hallCode);
    return sseResponse(req, {
      filter: (e) => e.topic === BOARD_TOPIC && (e.data as BoardEvent).hallId === hall.id,
      project: publicBoardEvent,
      // A public board has no session: it ends when the hall is no longer shown (closed, moved).
      recheck: async () => (await boardHall(unitCode, hallCode)).hall.id === hall.id,
      slot: () => boardStreamSlot(unit.id),
      initial: async () => [
        {
          topic: `${BOARD_TOPIC}.state`,
          unitPath: hall.unitPath,
          data: await boardState(unitCode, hall.code),
          at: Date.now(),
        },
      ],
    });
  } catch (err) {
    const res = errorResponse(err, metaFromHeaders(req.headers).requestId);
    if (res.status === 503) res.headers.set("retry-after", "30");
    return res;
  }
}
