import type { NextRequest } from "next/server";
import { localeFromCookieHeader, unavailablePage } from "@/lib/unavailable-page";

export const dynamic = "force-dynamic";

/**
 * GET /unavailable?next=/dashboard — where a page whose rendering found the database
 * unavailable redirects (requirePageUser): 503 in the user's language, retrying `next`.
 * Touches no database, so it cannot fail the same way.
 */
export function GET(req: NextRequest) {
  return unavailablePage({
    locale: localeFromCookieHeader(req.headers.get("cookie")),
    next: req.nextUrl.searchParams.get("next") ?? "/",
    requestId: req.headers.get("x-request-id") ?? undefined,
  });
}
