import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { metaFromHeaders, type RequestMeta } from "@/lib/request-meta";
import { userActor, type SessionUser } from "./actor";
import { authSecret, claimsValid, sessionCookieName } from "./session-config";

/**
 * The signed-in person for this request, or null. Checked on every request against the
 * database: a disabled user, or one whose role/unit/password changed (session version
 * bumped), is signed out at their next request. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const h = await headers();
  const raw = (await cookies()).get(sessionCookieName(h))?.value;
  if (!raw) return null;
  return userFromSessionToken(raw, metaFromHeaders(h));
});

export async function userFromSessionToken(raw: string, meta: RequestMeta): Promise<SessionUser | null> {
  let claims;
  try {
    claims = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
  if (!claimsValid(claims)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    include: { unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  if (user.lockedUntil && user.lockedUntil > new Date()) return null;
  return userActor(user, meta);
}

/** For server actions and route handlers: the user, or a 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sign in required");
  return user;
}

/** For pages and layouts: the user, or a redirect to the login page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
