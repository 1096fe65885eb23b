import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/request-meta";
import { userActor } from "./actor";
import { DEMO_PASSWORD, isProduction } from "./deployment";
import { clearSignInFailures, recordSignInFailure, signInBlocked } from "./limits";
import { dummyHash, verifyPassword } from "./password";

export interface SignedIn {
  id: string;
  username: string;
  displayName: string;
  sessionVersion: number;
  /** The server-side session (auth_sessions row) this sign-in opened. */
  sessionId: string;
}

/** Too many failed sign-ins from this client address: refused before any password check. */
export class SignInThrottled extends Error {
  constructor() {
    super("too many failed sign-ins from this address");
    this.name = "SignInThrottled";
  }
}

/** The audit row of an unknown name names no one: the text may be a password typed into the wrong box. */
export const UNKNOWN_ACTOR_NAME = "(unknown)";

/**
 * Checks a username and password and opens a server-side session. Unknown users, wrong
 * passwords, disabled and locked accounts all answer null after the same argon2 work,
 * so the answer says nothing about which it was. Failures count per account and client
 * address (lib/auth/limits.ts); a lock refuses new sign-ins and leaves open sessions
 * alone. In production the public demo password is refused like a wrong one.
 */
export async function verifyCredentials(
  usernameRaw: unknown,
  passwordRaw: unknown,
  meta: RequestMeta,
): Promise<SignedIn | null> {
  const username = typeof usernameRaw === "string" ? usernameRaw.trim().toLowerCase() : "";
  const password = typeof passwordRaw === "string" ? passwordRaw : "";
  if (!username || !password || username.length > 64 || password.length > 256) {
    await verifyPassword(await dummyHash(), "x");
    return null;
  }

  const blocked = await signInBlocked(username, meta.ip);
  if (blocked.address) throw new SignInThrottled();

  const user = await db.user.findUnique({
    where: { username },
    omit: { passwordHash: false },
    include: { unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } },
  });
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    await recordSignInFailure(username, meta.ip);
    await db.auditLog.create({
      data: {
        actorName: UNKNOWN_ACTOR_NAME,
        actorRole: "ANONYMOUS",
        action: "auth.login_failed",
        entity: "user",
        after: { reason: "unknown_user" },
        ip: meta.ip,
        requestId: meta.requestId,
      },
    });
    return null;
  }

  const passwordOk = await verifyPassword(user.passwordHash, password);
  const demoRefused = passwordOk && isProduction() && password === DEMO_PASSWORD;
  const actor = userActor(user, meta);

  if (passwordOk && !demoRefused && user.active && !blocked.account) {
    const session = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      const s = await tx.authSession.create({ data: { userId: user.id, ip: meta.ip }, select: { id: true } });
      await writeAudit(tx, actor, {
        action: "auth.login",
        entity: "user",
        entityId: user.id,
        unitId: user.unitId,
        unitPath: user.unit.path,
      });
      return s;
    });
    await clearSignInFailures(username, meta.ip);
    await pruneSessions();
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      sessionVersion: user.sessionVersion,
      sessionId: session.id,
    };
  }

  const reason = !passwordOk ? "bad_password" : demoRefused ? "demo_password" : !user.active ? "disabled" : "locked";
  const lockedNow =
    reason === "bad_password" || reason === "demo_password" ? await recordSignInFailure(username, meta.ip) : false;
  await db.$transaction((tx) =>
    writeAudit(tx, actor, {
      action: lockedNow ? "auth.locked" : "auth.login_failed",
      entity: "user",
      entityId: user.id,
      unitId: user.unitId,
      unitPath: user.unit.path,
      after: { reason },
    }),
  );
  return null;
}

/** Sessions live 12 hours at most: rows older than that go, now and then. */
async function pruneSessions() {
  if (Math.random() > 0.05) return;
  await db.$executeRaw`DELETE FROM auth_sessions WHERE created_at < now() - interval '13 hours'`;
}
