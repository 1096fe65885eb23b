/**
 * Runs before pages and API calls. It only does cheap things:
 *  - every page gets its security headers (lib/csp.ts): a Content-Security-Policy with a
 *    fresh nonce (Next.js reads it from the request's CSP header and puts it on its
 *    scripts), Permissions-Policy, and HSTS when the request came over https;
 *  - pages without a valid session cookie are redirected to /login (an optimistic
 *    check: every layout, server action and route handler checks the session itself);
 *    sign-in and the public hall board need none;
 *  - a valid session is renewed (30-minute idle timeout slides while the person works,
 *    the 12-hour absolute limit does not);
 *  - while this instance has seen the database down and a probe (at most one a second)
 *    still fails, pages get the 503 "database unavailable" page instead of rendering.
 * Request ids are ours for every request (lib/request-meta.ts, installed by instrumentation.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import {
  authSecret,
  claimsValid,
  IDLE_TIMEOUT_S,
  RENEW_AFTER_S,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/session-config";
import { contentSecurityPolicy, HSTS, newNonce, permissionsPolicy } from "@/lib/csp";
import { databaseAvailableForPages } from "@/lib/db-health";
import { requestIsHttps } from "@/lib/request-meta";
import { localeFromCookieHeader, unavailablePage } from "@/lib/unavailable-page";

const PUBLIC_PAGES = /^\/(login|hall)(\/|$)/;

export async function proxy(req: NextRequest) {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  const pathname = req.nextUrl.pathname;
  const isApi = pathname.startsWith("/api/");
  const path = pathname + req.nextUrl.search;
  // Pages that find the database unavailable redirect to /unavailable?next=<this>.
  headers.set("x-trafficops-path", path);
  const https = requestIsHttps(req.headers);

  // Security headers for pages (API answers are JSON; they get the static ones from next.config).
  const secure = (res: NextResponse, csp: string | null) => {
    if (csp) {
      res.headers.set("Content-Security-Policy", csp);
      res.headers.set("Permissions-Policy", permissionsPolicy(pathname));
    }
    if (https) res.headers.set("Strict-Transport-Security", HSTS);
    res.headers.set("x-request-id", requestId);
    return res;
  };
  let csp: string | null = null;
  if (!isApi) {
    const nonce = newNonce();
    csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
  }
  if (PUBLIC_PAGES.test(pathname)) return secure(NextResponse.next({ request: { headers } }), csp);

  const cookieName = sessionCookieName(req.headers);
  const raw = req.cookies.get(cookieName)?.value;
  const now = Math.floor(Date.now() / 1000);
  let claims = null;
  if (raw) {
    try {
      claims = await decodeSessionToken({ token: raw, secret: authSecret() });
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
    return secure(res, null);
  }

  if (!isApi && !(await databaseAvailableForPages()))
    return unavailablePage({ locale: localeFromCookieHeader(req.headers.get("cookie")), next: path, requestId });

  const res = secure(NextResponse.next({ request: { headers } }), csp);
  if (valid && claims && now - (claims.lastSeen as number) >= RENEW_AFTER_S) {
    const token = await encodeSessionToken({
      token: { ...claims, lastSeen: now },
      secret: authSecret(),
      maxAge: IDLE_TIMEOUT_S,
    });
    res.cookies.set(cookieName, token, sessionCookieOptions(req.headers));
  }
  return res;
}

export const config = {
  // Not: next-auth's own endpoints, health checks, the "database unavailable" page, the hall
  // board's API, bulk imports and photo uploads (large streamed bodies the proxy would buffer
  // and cut at its limit), static files (the field app's manifest and service worker among
  // them). Sign-in and the hall board page get their headers here.
  matcher: [
    "/((?!unavailable|api/auth|api/health|api/v1/import|api/v1/hall|api/v1/(?:violations|accidents|hazards)/[^/]+/photos|_next/|favicon\\.ico|icons/|geo/|.*\\.(?:png|svg|ico|css|js|json|geojson|webmanifest|woff2?)$).*)",
  ],
};
