import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { underPath } from "@/lib/auth/actor";

export interface UnitInfo {
  id: string;
  code: string;
  path: string;
  kind: string;
  nameZh: string;
  nameEn: string;
}

/** Units by id, for showing a record's unit (records store ids; they have no FK to units). */
export async function unitsById(ids: Iterable<string>): Promise<Map<string, UnitInfo>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await db.unit.findMany({
    where: { id: { in: list } },
    select: { id: true, code: true, path: true, kind: true, nameZh: true, nameEn: true },
  });
  return new Map(rows.map((u) => [u.id, u]));
}

/** Brigades and squads in scope, in tree order: the choices of a record's unit. */
export async function recordUnitsInScope(actor: Actor): Promise<UnitInfo[]> {
  return db.unit.findMany({
    where: { path: underPath(actor.unitPath), kind: { in: ["BRIGADE", "SQUAD"] } },
    select: { id: true, code: true, path: true, kind: true, nameZh: true, nameEn: true },
    orderBy: { path: "asc" },
  });
}

export function unitRef(u: UnitInfo | undefined) {
  return u ? { code: u.code, nameZh: u.nameZh, nameEn: u.nameEn } : null;
}
