import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The brigade code of a brigade or squad, read off its path (a path ends with the unit's own
 * code: /…/522625/ → 522625, /…/522625/522625-01/ → 522625); null for any other kind.
 */
export function brigadeCodeOf(unit: { kind: string; path: string }): string | null {
  if (unit.kind !== "BRIGADE" && unit.kind !== "SQUAD") return null;
  const codes = unit.path.split("/").filter(Boolean);
  return codes[codes.length - (unit.kind === "BRIGADE" ? 1 : 2)];
}

/**
 * The brigade a unit belongs to (itself when it is one). Every fact row carries it, so
 * a brigade's data can live on one node when the database is distributed.
 */
export async function brigadeOf(unit: {
  id: string;
  path: string;
  kind: string;
}): Promise<{ id: string; code: string; path: string }> {
  if (unit.kind === "BRIGADE") {
    const u = await db.unit.findUniqueOrThrow({ where: { id: unit.id }, select: { id: true, code: true, path: true } });
    return u;
  }
  if (unit.kind !== "SQUAD")
    throw new AppError("INVALID", "records belong to a brigade or a squad", {
      fields: [{ path: "unitCode", message: "choose a brigade or a squad" }],
    });
  return db.unit.findUniqueOrThrow({
    where: { code: brigadeCodeOf(unit)! },
    select: { id: true, code: true, path: true },
  });
}
