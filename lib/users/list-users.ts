import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { accountLocks } from "@/lib/auth/limits";
import { ABSOLUTE_TIMEOUT_S } from "@/lib/auth/session-config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";
import { scopePathFor } from "@/lib/units/read-units";
import type { ListUsersInput } from "./schemas";

export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  badgeNumber: true,
  phone: true,
  role: true,
  active: true,
  totpEnabledAt: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true } },
} as const;

/** Display names by user id, for ids the caller has already read within scope (a record's clerk, its recorder…). */
export async function displayNamesById(ids: Iterable<string>): Promise<Map<string, string>> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** Users in the actor's scope, by username, keyset-paginated. */
export async function listUsers({ actor, input }: { actor: Actor; input: ListUsersInput }) {
  assertCan(actor, "admin.users");
  const scopePath = await scopePathFor({ actor, unitCode: input.unitCode });
  const cursor = decodeCursor(input.cursor);
  const where: Prisma.UserWhereInput = {
    unit: { path: underPath(scopePath) },
    ...(input.role ? { role: input.role } : {}),
    ...(input.q
      ? {
          OR: [
            { username: { contains: input.q.toLowerCase() } },
            { displayName: { contains: input.q } },
            { badgeNumber: { contains: input.q } },
          ],
        }
      : {}),
    ...(cursor ? { username: { gt: String(cursor.sortValue) } } : {}),
  };
  const rows = await db.user.findMany({
    where,
    select: userSelect,
    orderBy: { username: "asc" },
    take: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (u) => u.username);
  const locks = await accountLocks(page.items.map((u) => u.username));
  return { ...page, items: page.items.map((u) => ({ ...u, lockedUntil: locks.get(u.username) ?? null })) };
}

export async function getUserInScope({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "admin.users");
  const user = await db.user.findFirst({
    where: { id, unit: { path: underPath(actor.unitPath) } },
    select: userSelect,
  });
  return user;
}

/** What the user page shows about signing in: second factor, forced change, open sessions. */
export async function userSignInState({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "admin.users");
  const user = await db.user.findFirst({
    where: { id, unit: { path: underPath(actor.unitPath) } },
    select: { totpEnabledAt: true, mustChangePassword: true, role: true },
  });
  if (!user) return null;
  const openSessions = await db.authSession.count({
    where: { userId: id, endedAt: null, createdAt: { gt: new Date(Date.now() - ABSOLUTE_TIMEOUT_S * 1000) } },
  });
  return { ...user, openSessions };
}
