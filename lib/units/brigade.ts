import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The brigade a unit belongs to (itself when it is one). Every fact row carries it, so
 * a brigade's data can live on one node when the database is distributed.
 */
export async function brigadeOf(unit: { id: string; path: string; kind: string }): Promise<{ id: string; code: string; path: string }> {
  if (unit.kind === "BRIGADE") {
    const u = await db.unit.findUniqueOrThrow({ where: { id: unit.id }, select: { id: true, code: true, path: true } });
    return u;
  }
  if (unit.kind !== "SQUAD") throw new AppError("INVALID", "records belong to a brigade or a squad", { fields: [{ path: "unitCode", message: "choose a brigade or a squad" }] });
  const codes = unit.path.split("/").filter(Boolean);
  const brigadeCode = codes[codes.length - 2];
  return db.unit.findUniqueOrThrow({ where: { code: brigadeCode }, select: { id: true, code: true, path: true } });
}
