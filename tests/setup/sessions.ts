/** Test helpers: session cookies as next-auth would issue them after a sign-in. */
import { encode } from "next-auth/jwt";
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/generated/prisma/enums";

export const PASSWORD = "TrafficOps-demo-2026";

/** A session cookie value for these claims (as the jwt callback and the sign-in steps make them). */
export async function sessionToken(claims: {
  uid: string;
  sv: number;
  sid: string;
  mfa?: boolean;
  demo?: boolean;
  ageS?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { ageS = 0, ...rest } = claims;
  return encode({
    token: { ...rest, authTime: now - ageS, lastSeen: now },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 1800,
  });
}

/** Signs in with a password (a real server-side session) and returns the cookie value. */
export async function signInToken(
  username: string,
  password = PASSWORD,
  opts: { ip?: string; mfa?: boolean } = {},
): Promise<string> {
  const s = await verifyCredentials(username, password, { ip: opts.ip ?? "10.1.1.1", requestId: "t" });
  if (!s) throw new Error(`sign-in of ${username} failed`);
  return sessionToken({
    uid: s.id,
    sv: s.sessionVersion,
    sid: s.sessionId,
    mfa: opts.mfa,
    demo: password === PASSWORD,
  });
}

/** A person who is not a demo account (own password), in a unit. */
export async function makePerson(role: Role, unitCode = "522625", extra: { mustChangePassword?: boolean } = {}) {
  const username = `p-${randomBytes(4).toString("hex")}`;
  const password = `Own-pass-${randomBytes(5).toString("hex")}9`;
  const unit = await db.unit.findUniqueOrThrow({ where: { code: unitCode } });
  const user = await db.user.create({
    data: {
      username,
      displayName: `测试${role}`,
      role,
      unitId: unit.id,
      passwordHash: await hash(password),
      mustChangePassword: extra.mustChangePassword ?? false,
    },
  });
  return { id: user.id, username, password };
}
