import "server-only";
import { db } from "@/lib/db";
import { type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/validation";

export const hallSelect = {
  id: true,
  code: true,
  unitId: true,
  unitPath: true,
  brigadeId: true,
  nameZh: true,
  nameEn: true,
  active: true,
  counters: {
    select: { id: true, number: true, label: true, letters: true, active: true },
    orderBy: { number: "asc" as const },
  },
} as const;

export type HallRow = Prisma.WindowHallGetPayload<{ select: typeof hallSelect }>;

/**
 * The hall `where` picks (alias `h`) with its windows by number, as one JSON value in one
 * query (Prisma's nested select takes two): the same shape as `hallSelect`.
 */
export const hallJson = (where: Prisma.Sql) => Prisma.sql`(
  SELECT json_build_object(
    'id', h.id, 'code', h.code, 'unitId', h.unit_id, 'unitPath', h.unit_path, 'brigadeId', h.brigade_id,
    'nameZh', h.name_zh, 'nameEn', h.name_en, 'active', h.active,
    'counters', coalesce((
      SELECT json_agg(json_build_object('id', c.id, 'number', c.number, 'label', c.label,
                                        'letters', c.letters, 'active', c.active) ORDER BY c.number)
      FROM window_counters c WHERE c.hall_id = h.id), '[]'))
  FROM window_halls h WHERE ${where})`;

/** The condition on `h` for a hall by code or id. */
export const hallRefSql = (ref: string) =>
  isUuid(ref) ? Prisma.sql`h.id = ${ref}::uuid` : Prisma.sql`h.code = ${ref}`;

/** A hall by code or id, whatever its scope or state (callers check both). */
export async function findHall(ref: string): Promise<HallRow | null> {
  const [row] = await db.$queryRaw<{ hall: HallRow | null }[]>`SELECT ${hallJson(hallRefSql(ref))} AS hall`;
  return row.hall;
}

/**
 * A hall by code or id, in the actor's scope; else 422 on `field` (a reference the
 * client sent that does not resolve is bad input, and says nothing about other units).
 */
export async function hallInScope({
  actor,
  ref,
  field = "hall",
}: {
  actor: Actor;
  ref: string;
  field?: string;
}): Promise<HallRow> {
  const hall = await findHall(ref);
  if (!hall || !hall.unitPath.startsWith(actor.unitPath) || !hall.active) {
    throw new AppError("INVALID", "window.v.hallNotFound", {
      fields: [{ path: field, message: "window.v.hallNotFound" }],
    });
  }
  return hall;
}

/** Active halls in scope, in display order. */
export function hallsInScope(actor: Actor) {
  return db.windowHall.findMany({
    where: { unitPath: underPath(actor.unitPath), active: true },
    select: hallSelect,
    orderBy: [{ unitPath: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
  });
}

/** The hall to use when the caller named none: the only active hall in scope, else 422. */
export async function defaultHall({ actor, field = "hall" }: { actor: Actor; field?: string }): Promise<HallRow> {
  const halls = await hallsInScope(actor);
  if (halls.length !== 1)
    throw new AppError("INVALID", "window.v.hallRequired", {
      fields: [{ path: field, message: "window.v.hallRequired" }],
    });
  return halls[0];
}

/** The window (counter) with this number in the hall, active; else 422. */
export function counterOf(hall: HallRow, number: number, field = "window") {
  const c = hall.counters.find((x) => x.number === number && x.active);
  if (!c)
    throw new AppError("INVALID", "window.v.windowNotFound", {
      fields: [{ path: field, message: "window.v.windowNotFound" }],
      details: { window: number },
    });
  return c;
}
