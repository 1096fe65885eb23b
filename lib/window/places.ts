import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { brigadeOf } from "@/lib/units/brigade";
import { unitInScopeByCode } from "@/lib/units/read-units";
import { underPath } from "@/lib/auth/actor";
import { isUuid } from "@/lib/validation";

/** Where a fact row belongs: copied onto every ticket, transaction, evaluation and complaint. */
export interface FactUnit {
  unitId: string;
  unitPath: string;
  brigadeId: string;
}

const hallSelect = {
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

export type HallRow = NonNullable<Awaited<ReturnType<typeof findHall>>>;

function findHall(ref: string) {
  return db.windowHall.findFirst({ where: isUuid(ref) ? { id: ref } : { code: ref }, select: hallSelect });
}

/**
 * A hall by code or id, in the actor's scope; else 422 on `field` (a reference the
 * client sent that does not resolve is bad input, and says nothing about other units).
 */
export async function hallInScope(actor: Actor, ref: string, field = "hall"): Promise<HallRow> {
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
export async function defaultHall(actor: Actor, field = "hall"): Promise<HallRow> {
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

/**
 * The unit a record without a hall, trip or point belongs to: the named unit (in scope)
 * or the actor's own, which must be a brigade or a squad.
 */
export async function factUnitFor(actor: Actor, unitCode: string | undefined): Promise<FactUnit> {
  const unit = await unitInScopeByCode(actor, unitCode ?? actor.unitCode).catch((e) => {
    throw unitCode
      ? new AppError("INVALID", "window.v.unitNotFound", {
          fields: [{ path: "unitCode", message: "window.v.unitNotFound" }],
        })
      : e;
  });
  if (unit.kind !== "BRIGADE" && unit.kind !== "SQUAD") {
    throw new AppError("INVALID", "window.v.unitRequired", {
      fields: [{ path: "unitCode", message: "window.v.unitRequired" }],
    });
  }
  const brigade = await brigadeOf(unit);
  return { unitId: unit.id, unitPath: unit.path, brigadeId: brigade.id };
}

export const factUnitOf = (r: FactUnit): FactUnit => ({
  unitId: r.unitId,
  unitPath: r.unitPath,
  brigadeId: r.brigadeId,
});
