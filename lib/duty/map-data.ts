import "server-only";
import { db } from "@/lib/db";
import { can, type Actor, underPath } from "@/lib/auth/actor";
import { bboxOf } from "@/lib/geo/geometry";
import type { Area } from "@/lib/geo/geometry";
import { listGrids } from "./list-grids";
import { listLastPositions } from "./list-positions";
import type { DutyMapData } from "./map-types";

import { settingsFor } from "./settings";
import { listSos } from "./sos";
import { scopePathFor } from "@/lib/units/read-units";

/** Everything the live map shows on first paint, for a unit in the actor's scope. */
export async function dutyMapData({ actor, unitCode }: { actor: Actor; unitCode?: string }): Promise<DutyMapData> {
  const path = await scopePathFor({ actor, unitCode });
  const [{ items, segments, points }, people, sos, units] = await Promise.all([
    listGrids({ actor, input: { unit: unitCode, withGeometry: true, withFeatures: true } }),
    listLastPositions({ actor, input: { unit: unitCode } }),
    listSos({ actor }),
    // The outlines of brigades and squads under the unit, and of the unit's own brigade.
    db.unit.findMany({
      where: {
        kind: { in: ["BRIGADE", "SQUAD"] },
        OR: [{ path: underPath(path) }, { path: { in: ancestors(path) } }],
      },
      select: { code: true, nameZh: true, nameEn: true, kind: true, outline: true, path: true },
      orderBy: { path: "asc" },
    }),
  ]);
  const outlines = units
    .filter((u) => u.outline && u.path.startsWith(actor.unitPath))
    .map((u) => ({
      code: u.code,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      kind: u.kind,
      outline: u.outline as unknown as Area,
    }));
  const brigadeIds = [...new Set(items.map((g) => g.brigadeId))];
  const settings = await settingsFor(brigadeIds);
  const first = settings.values().next().value;
  const boxes = [
    ...items.map((g) => g.bbox),
    ...outlines.filter((o) => o.kind === "SQUAD" || outlines.length === 1).map((o) => bboxOf(o.outline)),
  ].filter((b) => b.length === 4);
  const bbox = boxes.length
    ? ([
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ] as [number, number, number, number])
    : outlines.length
      ? (bboxOf(outlines[0].outline) as [number, number, number, number])
      : null;
  return {
    unitCode: unitCode ?? actor.unitCode,
    grids: items as DutyMapData["grids"],
    segments,
    points,
    outlines,
    people,
    sos,
    staleAfterS: first?.staleAfterS ?? 600,
    riskWindowDays: first?.riskWindowDays ?? 30,
    bbox,
    canHandleSos: can(actor, "sos.handle"),
    canSeeIncidents: can(actor, "incident.view"),
  };
}

function ancestors(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}/`);
}
