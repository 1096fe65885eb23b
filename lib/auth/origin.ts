import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The app's own origin: APP_URL / NEXTAUTH_URL when configured, else the Host the request came to. */
export function expectedOrigin(h: Headers): string | null {
  const configured = process.env.APP_URL ?? process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      /* fall through */
    }
  }
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return null;
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() ?? "http";
  return `${proto}://${host}`;
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
