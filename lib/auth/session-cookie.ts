import "server-only";
import { cookies, headers } from "next/headers";
import {
  authSecret,
  IDLE_TIMEOUT_S,
  sessionCookieName,
  sessionCookieOptions,
  type SessionClaims,
} from "./session-config";
import { encodeSessionToken } from "./session-token";

/**
 * Re-issues this request's session cookie with changed claims (the second factor checked,
 * a new session version after a password change). Server actions only.
 */
export async function reissueSessionCookie(claims: SessionClaims, patch: Partial<SessionClaims>): Promise<void> {
  const token = await encodeSessionToken({
    token: { ...claims, ...patch, lastSeen: Math.floor(Date.now() / 1000) },
    secret: authSecret(),
    maxAge: IDLE_TIMEOUT_S,
  });
  const h = await headers();
  (await cookies()).set(sessionCookieName(h), token, sessionCookieOptions(h));
}

/** Removes the session cookie (after "sign out everywhere"). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName(await headers()));
}
