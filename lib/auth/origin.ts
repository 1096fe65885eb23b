import { AppError } from "@/lib/errors";
import { fromTrustedProxy, requestIsHttps } from "@/lib/request-meta";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The app's own origin: APP_URL / NEXTAUTH_URL when configured, else the Host the request
 * came to. X-Forwarded-Host counts only when the peer is a proxy in TRUSTED_PROXIES.
 */
export function expectedOrigin(h: Headers): string | null {
  const configured = process.env.APP_URL ?? process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      /* fall through */
    }
  }
  const forwardedHost = fromTrustedProxy(h) ? h.get("x-forwarded-host")?.split(",")[0].trim() : null;
  const host = forwardedHost || h.get("host");
  if (!host) return null;
  return `${requestIsHttps(h) ? "https" : "http"}://${host}`;
}

/**
 * Cookie-authenticated state changes must come from our own pages: the Origin header
 * must equal the app's origin. A missing Origin and "null" are refused.
 */
export function assertSameOrigin(method: string, h: Headers): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  const origin = h.get("origin");
  const expected = expectedOrigin(h);
  if (!origin || origin === "null" || !expected || origin !== expected) {
    throw new AppError("FORBIDDEN", "cross-origin request refused");
  }
}
