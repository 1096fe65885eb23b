import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Area } from "@/lib/geo/geometry";
import { underPath } from "@/lib/auth/actor";

/**
 * What the grid editor needs around one brigade: its squads in scope (with the code of
 * the unit whose outline a grid must lie in — the squad's own, else the brigade's), those
 * outlines once each, the brigade's other active grids for context, and its officers
 * (road chief candidates).
 */
export async function gridEditorContext({
  actor,
  brigadeId,
  exceptGridId,
}: {
  actor: Actor;
  brigadeId: string;
  exceptGridId?: string;
}) {
  const brigade = await db.unit.findUniqueOrThrow({
    where: { id: brigadeId },
    select: { id: true, code: true, path: true, outline: true },
  });
  const squads = await db.unit.findMany({
    where: { path: underPath(brigade.path), kind: "SQUAD", AND: [{ path: underPath(actor.unitPath) }] },
    select: { code: true, nameZh: true, nameEn: true, outline: true, squadKind: true },
    orderBy: { code: "asc" },
  });
  const outlines: Record<string, Area> = {};
  if (brigade.outline) outlines[brigade.code] = brigade.outline as unknown as Area;
  for (const s of squads) if (s.outline) outlines[s.code] = s.outline as unknown as Area;
  const [grids, officers] = await Promise.all([
    db.grid.findMany({
      where: {
        brigadeId: brigade.id,
        archivedAt: null,
        unitPath: underPath(actor.unitPath),
        ...(exceptGridId ? { id: { not: exceptGridId } } : {}),
      },
      select: { id: true, name: true, geometry: true },
    }),
    db.user.findMany({
      where: { active: true, role: { in: ["OFFICER", "COMMANDER"] }, unit: { path: underPath(brigade.path) } },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  return {
    squads: squads.map((s) => ({
      code: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      kind: (s.squadKind ?? "RURAL").toLowerCase(),
      outlineCode: s.outline ? s.code : brigade.outline ? brigade.code : null,
    })),
    outlines,
    context: grids.map((g) => ({ id: g.id, name: g.name, geometry: g.geometry as unknown as Area })),
    officers: officers.map((o) => ({ id: o.id, name: o.displayName })),
  };
}
