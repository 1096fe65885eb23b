/**
 * Runs before pages and API calls. It only does cheap things:
 *  - pages without a valid session cookie are redirected to /login (an optimistic
 *    check: every layout, server action and route handler checks the session itself);
 *  - a valid session is renewed (30-minute idle timeout slides while the person works,
 *    the 12-hour absolute limit does not) and each request gets an x-request-id;
 *  - while this instance has seen the database down and a probe (at most one a second)
 *    still fails, pages get the 503 "database unavailable" page instead of rendering.
 */
import { decode, encode } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import {
  authSecret,
  claimsValid,
  IDLE_TIMEOUT_S,
  RENEW_AFTER_S,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/session-config";
import { databaseAvailableForPages } from "@/lib/db-health";
import { localeFromCookieHeader, unavailablePage } from "@/lib/unavailable-page";

export async function proxy(req: NextRequest) {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  const isApi = req.nextUrl.pathname.startsWith("/api/");
  const path = req.nextUrl.pathname + req.nextUrl.search;
  // Pages that find the database unavailable redirect to /unavailable?next=<this>.
  headers.set("x-trafficops-path", path);

  const cookieName = sessionCookieName(req.headers);
  const raw = req.cookies.get(cookieName)?.value;
  const now = Math.floor(Date.now() / 1000);
  let claims = null;
  if (raw) {
    try {
      claims = await decode({ token: raw, secret: authSecret() });
    } catch {
      claims = null;
    }
  }
  const valid = claimsValid(claims, now);

  if (!valid && !isApi) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    if (path !== "/") url.searchParams.set("callbackUrl", path);
    if (raw) url.searchParams.set("expired", "1");
    const res = NextResponse.redirect(url);
    if (raw) res.cookies.delete(cookieName);
    return res;
  }

  if (!isApi && !(await databaseAvailableForPages()))
    return unavailablePage({ locale: localeFromCookieHeader(req.headers.get("cookie")), next: path, requestId });

  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  if (valid && claims && now - (claims.lastSeen as number) >= RENEW_AFTER_S) {
    const token = await encode({ token: { ...claims, lastSeen: now }, secret: authSecret(), maxAge: IDLE_TIMEOUT_S });
    res.cookies.set(cookieName, token, sessionCookieOptions(req.headers));
  }
  return res;
}

export const config = {
  // Not: sign-in itself, health checks, the "database unavailable" page, the public hall
  // board, bulk imports and photo uploads (large streamed bodies the proxy would buffer and
  // cut at its limit), static files (the field app's manifest and service worker among them).
  matcher: [
    "/((?!login|unavailable|api/auth|api/health|api/v1/import|api/v1/hall|api/v1/(?:violations|accidents|hazards)/[^/]+/photos|hall/|_next/|favicon\\.ico|icons/|geo/|.*\\.(?:png|svg|ico|css|js|json|geojson|webmanifest|woff2?)$).*)",
  ],
};
