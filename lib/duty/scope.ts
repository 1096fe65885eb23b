import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertInScope, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { brigadeCodeOf } from "@/lib/units/brigade";
import type { Area } from "@/lib/geo/geometry";

export interface DutyUnit {
  id: string;
  code: string;
  path: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  brigade: { id: string; code: string; path: string };
}

/**
 * A squad or brigade in the actor's scope, with its brigade (grids, beats and positions
 * belong to one). 404 outside scope; 422 for a province or detachment.
 */
export async function dutyUnitByCode({
  actor,
  code,
  squadOnly = false,
  field = "unitCode",
}: {
  actor: Actor;
  code: string;
  squadOnly?: boolean;
  /** The input field a 422 points at. */
  field?: string;
}): Promise<DutyUnit> {
  const unit = await db.unit.findUnique({
    where: { code },
    select: { id: true, code: true, path: true, kind: true, nameZh: true, nameEn: true },
  });
  if (!unit) throw new AppError("NOT_FOUND", `unit ${code} not found`);
  assertInScope(actor, unit.path, "unit");
  const wrongKind = squadOnly ? unit.kind !== "SQUAD" : unit.kind !== "SQUAD" && unit.kind !== "BRIGADE";
  if (wrongKind)
    throw new AppError("INVALID", "duty.validation.squadRequired", {
      fields: [{ path: field, message: "duty.validation.squadRequired" }],
    });
  const brigadeCode = brigadeCodeOf(unit)!;
  const brigade =
    brigadeCode === unit.code
      ? { id: unit.id, code: unit.code, path: unit.path }
      : await db.unit.findUniqueOrThrow({ where: { code: brigadeCode }, select: { id: true, code: true, path: true } });
  return { ...unit, brigade };
}

/**
 * The outline a grid of this unit must lie in: the squad's own outline when it has one,
 * else its brigade's; null when neither has one (nothing to check against).
 */
export async function outlineFor(unit: { id: string; brigade: { id: string } }, client: Tx = db): Promise<Area | null> {
  const rows = await client.unit.findMany({
    where: { id: { in: [unit.id, unit.brigade.id] } },
    select: { id: true, outline: true },
  });
  const own = rows.find((r) => r.id === unit.id)?.outline;
  const brigade = rows.find((r) => r.id === unit.brigade.id)?.outline;
  return ((own ?? brigade) as Area | null) ?? null;
}

/** The brigade's outline (segments and points may run anywhere in the county). */
export async function brigadeOutline(brigadeId: string, client: Tx = db): Promise<Area | null> {
  const u = await client.unit.findUnique({ where: { id: brigadeId }, select: { outline: true } });
  return (u?.outline as Area | null) ?? null;
}
