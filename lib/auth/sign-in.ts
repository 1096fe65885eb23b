import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/request-meta";
import { userActor } from "./actor";
import { dummyHash, verifyPassword } from "./password";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface SignedIn {
  id: string;
  username: string;
  displayName: string;
  sessionVersion: number;
}

/**
 * Checks a username and password. Unknown users, wrong passwords, disabled and locked
 * accounts all answer null after the same argon2 work, so the answer says nothing about
 * which it was. The fifth consecutive failure locks the account for 15 minutes.
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

  const user = await db.user.findUnique({
    where: { username },
    omit: { passwordHash: false },
    include: { unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } },
  });
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    await db.auditLog.create({
      data: {
        actorName: username.slice(0, 64),
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

  const ok = await verifyPassword(user.passwordHash, password);
  const now = new Date();
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const actor = userActor(user, meta);

  if (ok && user.active && !locked) {
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
      });
      await writeAudit(tx, actor, {
        action: "auth.login",
        entity: "user",
        entityId: user.id,
        unitId: user.unitId,
        unitPath: user.unit.path,
      });
    });
    return { id: user.id, username: user.username, displayName: user.displayName, sessionVersion: user.sessionVersion };
  }

  const reason = !user.active ? "disabled" : locked ? "locked" : "bad_password";
  await db.$transaction(async (tx) => {
    let lockedNow = false;
    if (reason === "bad_password") {
      // Atomic: concurrent failures cannot slip past the limit.
      const rows = await tx.$queryRaw<{ locked: boolean }[]>`
        UPDATE users
           SET failed_login_count = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_login_count + 1 END,
               locked_until = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS}
                                   THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END,
               updated_at = now()
         WHERE id = ${user.id}::uuid
     RETURNING locked_until IS NOT NULL AND locked_until > now() AS locked`;
      lockedNow = rows[0]?.locked ?? false;
    }
    await writeAudit(tx, actor, {
      action: lockedNow ? "auth.locked" : "auth.login_failed",
      entity: "user",
      entityId: user.id,
      unitId: user.unitId,
      unitPath: user.unit.path,
      after: { reason },
    });
  });
  return null;
}
