import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";
import type { Actor } from "@/lib/auth/actor";
import { isPermission, permissionsOf, TOKEN_PERMISSIONS, type Permission } from "@/lib/auth/permissions";

export const TOKEN_PREFIX = "tops_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// lastUsedAt is informative; writing it on every camera request would be a hot row.
const TOUCH_EVERY_MS = 60_000;

/**
 * The actor for "Authorization: Bearer <token>", or null when the token is unknown,
 * revoked or expired — or when the person who made it can no longer make it: disabled,
 * no longer allowed to manage tokens, or moved to a unit the token's unit is not under.
 */
export async function actorFromBearer(authorization: string, meta: RequestMeta): Promise<Actor | null> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m || !m[1].startsWith(TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(m[1]) },
    include: {
      unit: { select: { id: true, code: true, path: true } },
      createdBy: { select: { active: true, role: true, unit: { select: { path: true } } } },
    },
  });
  const now = new Date();
  if (!token || token.revokedAt || token.expiresAt <= now) return null;
  const creator = token.createdBy;
  if (
    !creator.active ||
    !permissionsOf(creator.role).includes("admin.tokens") ||
    !token.unit.path.startsWith(creator.unit.path)
  )
    return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  const permissions = token.permissions.filter(
    (p): p is Permission => isPermission(p) && TOKEN_PERMISSIONS.includes(p),
  );
  return {
    kind: "token",
    id: token.id,
    userId: null,
    tokenId: token.id,
    name: token.name,
    role: "TOKEN",
    unitId: token.unit.id,
    unitCode: token.unit.code,
    unitPath: token.unit.path,
    permissions: new Set(permissions),
    meta,
  };
}
