/** Session lifetimes, shared by next-auth, the proxy (sliding renewal) and server checks. */
import { requestIsHttps } from "@/lib/request-meta";

export const IDLE_TIMEOUT_S = 30 * 60;
export const ABSOLUTE_TIMEOUT_S = 12 * 3600;
/** The proxy re-issues the cookie at most this often. */
export const RENEW_AFTER_S = 60;

export function authSecret(): string {
  const s = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set (npm run dev/start generate one under .data/).");
  return s;
}

/**
 * Cookies are `Secure` (and named `__Secure-…`) when the public URL is https, or, with no
 * NEXTAUTH_URL, when this request came over https — directly or through a proxy listed in
 * TRUSTED_PROXIES (lib/request-meta.ts), so a TLS proxy in front keeps them Secure.
 */
export function secureCookies(h?: Headers): boolean {
  const url = process.env.NEXTAUTH_URL;
  if (url) return url.startsWith("https://");
  return h ? requestIsHttps(h) : false;
}

export function sessionCookieName(h?: Headers): string {
  return secureCookies(h) ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export interface SessionClaims {
  uid: string;
  sv: number;
  /** When the person signed in (seconds): the 12-hour absolute limit counts from here. */
  authTime: number;
  /** Last renewal (seconds). */
  lastSeen: number;
}

export function claimsValid(
  t: Partial<SessionClaims> | null | undefined,
  nowS = Math.floor(Date.now() / 1000),
): t is SessionClaims {
  return (
    !!t &&
    typeof t.uid === "string" &&
    typeof t.sv === "number" &&
    typeof t.authTime === "number" &&
    nowS - t.authTime < ABSOLUTE_TIMEOUT_S &&
    typeof t.lastSeen === "number" &&
    nowS - t.lastSeen < IDLE_TIMEOUT_S
  );
}
