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

/** A session half-way through sign-in (second factor, password change, enrolment) lasts this long. */
export const PENDING_TIMEOUT_S = 10 * 60;

/** Options of the session cookie, wherever it is (re-)issued. */
export function sessionCookieOptions(h?: Headers) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(h), maxAge: IDLE_TIMEOUT_S };
}

export interface SessionClaims {
  uid: string;
  sv: number;
  /** The server-side session (auth_sessions row): signing out ends it. */
  sid: string;
  /** The second factor was checked (or enrolled) in this session. */
  mfa?: boolean;
  /** Signed in with the demo password outside production (exempt from enrolment). */
  demo?: boolean;
  /** When the person signed in (seconds): the 12-hour absolute limit counts from here. */
  authTime: number;
  /** Last renewal (seconds). */
  lastSeen: number;
}

/**
 * Are the claims of a session cookie still within their limits? A live stream opened with
 * the cookie re-checks it with `idle: false`: the stream keeps a wall display open, and
 * the idle limit applies to the person's next page instead.
 */
export function claimsValid(
  t: Partial<SessionClaims> | null | undefined,
  nowS = Math.floor(Date.now() / 1000),
  opts: { idle?: boolean } = {},
): t is SessionClaims {
  return (
    !!t &&
    typeof t.uid === "string" &&
    typeof t.sv === "number" &&
    typeof t.sid === "string" &&
    typeof t.authTime === "number" &&
    nowS - t.authTime < ABSOLUTE_TIMEOUT_S &&
    typeof t.lastSeen === "number" &&
    (opts.idle === false || nowS - t.lastSeen < IDLE_TIMEOUT_S)
  );
}
