import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";
import { unitInScopeByCode } from "@/lib/units/read-units";
import type { ListUsersInput } from "./schemas";

export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  badgeNumber: true,
  phone: true,
  role: true,
  active: true,
  failedLoginCount: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true } },
} as const;

/** Users in the actor's scope, by username, keyset-paginated. */
export async function listUsers({ actor, input }: { actor: Actor; input: ListUsersInput }) {
  assertCan(actor, "admin.users");
  const scopePath = input.unitCode ? (await unitInScopeByCode(actor, input.unitCode)).path : actor.unitPath;
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
  return toPage(rows, input.limit, (u) => u.username);
}

export async function getUserInScope(actor: Actor, id: string) {
  assertCan(actor, "admin.users");
  const user = await db.user.findFirst({
    where: { id, unit: { path: underPath(actor.unitPath) } },
    select: userSelect,
  });
  return user;
}
