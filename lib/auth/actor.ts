/**
 * Who is acting: a signed-in person or a device/system holding an API token. Every
 * domain function takes { actor, input } and asks can(actor, ...) and unit scope.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-meta";
import { permissionsOf, type Permission } from "./permissions";

export interface Actor {
  kind: "user" | "token";
  /** user id or token id */
  id: string;
  userId: string | null;
  tokenId: string | null;
  name: string;
  role: Role | "TOKEN";
  unitId: string;
  unitCode: string;
  /** Materialized path of the actor's unit: the actor sees this unit and everything below. */
  unitPath: string;
  permissions: ReadonlySet<Permission>;
  meta: RequestMeta;
}

export interface SessionUser extends Actor {
  kind: "user";
  userId: string;
  role: Role;
  username: string;
  displayName: string;
  badgeNumber: string | null;
  unitNameZh: string;
  unitNameEn: string;
  unitKind: string;
}

export function can(actor: Pick<Actor, "permissions">, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", `missing permission ${permission}`);
}

/** The unit path prefix the actor may read and write. */
export function unitScope(actor: Pick<Actor, "unitPath">): string {
  return actor.unitPath;
}

/** `\`, `%` and `_` taken literally in a LIKE pattern (unit codes may contain `_`). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/** SQL scope filter: `unit_path LIKE ${pathLike(actor.unitPath)}` — this path and everything below it. */
export function pathLike(path: string): string {
  return escapeLike(path) + "%";
}

/**
 * Prisma scope filter: `{ unitPath: underPath(actor.unitPath) }`. Prisma's `startsWith`
 * passes `_` and `%` through to LIKE (tests/db/scope-like.test.ts pins that), so they are escaped here.
 */
export function underPath(path: string): { startsWith: string } {
  return { startsWith: escapeLike(path) };
}

export function inScope(actor: Pick<Actor, "unitPath">, path: string | null | undefined): boolean {
  return !!path && path.startsWith(actor.unitPath);
}

/** Out-of-scope records answer 404, so their existence is not disclosed. */
export function assertInScope(actor: Actor, path: string | null | undefined, what = "record"): void {
  if (!inScope(actor, path)) throw new AppError("NOT_FOUND", `${what} not found`);
}

export function userActor(
  u: {
    id: string;
    username: string;
    displayName: string;
    badgeNumber: string | null;
    role: Role;
    unit: { id: string; code: string; path: string; nameZh: string; nameEn: string; kind: string };
  },
  meta: RequestMeta,
): SessionUser {
  return {
    kind: "user",
    id: u.id,
    userId: u.id,
    tokenId: null,
    name: u.displayName,
    role: u.role,
    username: u.username,
    displayName: u.displayName,
    badgeNumber: u.badgeNumber,
    unitId: u.unit.id,
    unitCode: u.unit.code,
    unitPath: u.unit.path,
    unitNameZh: u.unit.nameZh,
    unitNameEn: u.unit.nameEn,
    unitKind: u.unit.kind,
    permissions: new Set(permissionsOf(u.role)),
    meta,
  };
}
