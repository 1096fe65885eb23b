import "server-only";
import { decodeSessionToken } from "./session-token";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { unavailableError } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { metaFromHeaders, type RequestMeta } from "@/lib/request-meta";
import { isUuid } from "@/lib/validation";
import { userActor, type SessionUser } from "./actor";
import { isProduction } from "./deployment";
import { secondFactorRequired } from "./permissions";
import { authSecret, claimsValid, PENDING_TIMEOUT_S, sessionCookieName, type SessionClaims } from "./session-config";

/**
 * Where a signed-in person still has to go before the portal opens: the second factor
 * ("totp"), a password someone else chose ("password"), enrolling the second factor
 * their role requires ("enrol"). Null: the session is complete.
 */
export type SignInStage = "totp" | "password" | "enrol";

export interface SessionState {
  user: SessionUser;
  stage: SignInStage | null;
  claims: SessionClaims;
  /** Needs the second factor's secret (enrolled), for the challenge. */
  totpEnrolled: boolean;
}

/**
 * The session a cookie stands for, checked against the database on every request: the
 * user must be active with the same session version (disabled, new role/unit/password,
 * "sign out everywhere" and an administrator ending the sessions all bump it) and the
 * session itself must not have been signed out. A lock after failed sign-ins does not
 * end it. A session still at a sign-in stage lasts 10 minutes.
 */
export async function sessionFromToken(
  raw: string,
  meta: RequestMeta,
  opts: { idle?: boolean } = {},
): Promise<SessionState | null> {
  let claims;
  try {
    claims = await decodeSessionToken({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
  if (!claimsValid(claims, undefined, opts) || !isUuid(claims.sid) || !isUuid(claims.uid)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    include: {
      unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } },
      sessions: { where: { id: claims.sid }, select: { endedAt: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  if (user.sessions.length !== 1 || user.sessions[0].endedAt) return null;
  const enrolled = user.totpEnabledAt !== null;
  const exempt = claims.demo === true && !isProduction();
  const stage: SignInStage | null =
    enrolled && !claims.mfa
      ? "totp"
      : user.mustChangePassword
        ? "password"
        : !enrolled && secondFactorRequired(user.role) && !exempt
          ? "enrol"
          : null;
  if (stage && Math.floor(Date.now() / 1000) - claims.authTime > PENDING_TIMEOUT_S) return null;
  return { user: userActor(user, meta), stage, claims, totpEnrolled: enrolled };
}

/** The signed-in person of a complete session, or null (used where there is no React request cache). */
export async function userFromSessionToken(
  raw: string,
  meta: RequestMeta,
  opts: { idle?: boolean } = {},
): Promise<SessionUser | null> {
  const s = await sessionFromToken(raw, meta, opts);
  return s && !s.stage ? s.user : null;
}

/** This request's session, complete or at a sign-in stage. Cached per request. */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  const h = await headers();
  const raw = (await cookies()).get(sessionCookieName(h))?.value;
  if (!raw) return null;
  return sessionFromToken(raw, metaFromHeaders(h));
});

/** The signed-in person for this request (complete sessions only), or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const s = await getSessionState();
  return s && !s.stage ? s.user : null;
});

/** For server actions and route handlers: the user, or a 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sign in required");
  return user;
}

/** The page of a sign-in stage. */
export function stagePath(stage: SignInStage): string {
  return stage === "totp" ? "/login/verify" : stage === "password" ? "/login/password" : "/login/enrol";
}

/**
 * For pages and layouts: the user, or a redirect to the login page (or the sign-in step still
 * open). It is every page's first database access: when the database is unavailable the page
 * redirects to the 503 page (/unavailable, which retries this page) instead of failing with a 500.
 */
export async function requirePageUser(): Promise<SessionUser> {
  let s: Awaited<ReturnType<typeof getSessionState>>;
  try {
    s = await getSessionState();
  } catch (err) {
    if (!unavailableError(err)) throw err;
    const back = (await headers()).get("x-trafficops-path") ?? "/";
    redirect(`/unavailable?next=${encodeURIComponent(back)}`);
  }
  if (s?.stage) redirect(stagePath(s.stage));
  if (!s) redirect("/login");
  return s.user;
}
