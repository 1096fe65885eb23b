import type { NextRequest } from "next/server";
import { errorResponse, json } from "@/lib/api/respond";
import { metaFromHeaders } from "@/lib/request-meta";
import { boardState } from "@/lib/window/board";

/**
 * GET /api/v1/hall/{unitCode}?hall=code — the public hall board's state: ticket numbers,
 * window numbers and waiting counts only (lib/window/board.ts). No sign-in.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ unitCode: string }> }) {
  const { unitCode } = await params;
  try {
    return json(await boardState(unitCode, req.nextUrl.searchParams.get("hall")), 200, { "cache-control": "no-store" });
  } catch (err) {
    return errorResponse(err, metaFromHeaders(req.headers).requestId);
  }
}
