import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { sseResponse } from "@/lib/realtime/sse";
import { metaFromHeaders } from "@/lib/request-meta";
import { BOARD_TOPIC, boardHall, boardState, type BoardEvent } from "@/lib/window/board";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/hall/{unitCode}/events?hall=code — server-sent events for the public hall
 * board: the current state first ("window.board.state"), then each call and queue change
 * of this hall ("window.board"). Payloads carry ticket numbers, windows and counts only.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ unitCode: string }> }) {
  const { unitCode } = await params;
  const hallCode = req.nextUrl.searchParams.get("hall");
  try {
    const { hall } = await boardHall(unitCode, hallCode);
    return sseResponse(req, {
      filter: (e) => e.topic === BOARD_TOPIC && (e.data as BoardEvent).hallId === hall.id,
      // A public board has no session: it ends when the hall is no longer shown (closed, moved).
      recheck: async () => (await boardHall(unitCode, hallCode)).hall.id === hall.id,
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
    return errorResponse(err, metaFromHeaders(req.headers).requestId);
  }
}
