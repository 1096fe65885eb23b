import "server-only";
import { db } from "@/lib/db";
import { assertInScope, type Actor, pathLike } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Area } from "@/lib/geo/geometry";
import { brigadeCodeOf } from "@/lib/units/brigade";
import { resolveUnitAtPoint } from "@/lib/units/resolve-unit-at-point";
import { gridIdAt } from "@/lib/duty/grid-lookup";
import { buildAreaIndex, type AreaIndex } from "@/lib/geo/area-index";
import { BeatIndex, beatIdAt } from "./chain";

/**
 * Where a record belongs: its unit (brigade or squad), that unit's path and brigade, and
 * its place in the record chain: the grid, the beat on duty there at that time, and the
 * incident it was recorded for (checked: in scope, same brigade).
 */
export interface Placement {
  unitId: string;
  unitCode: string;
  unitPath: string;
  brigadeId: string;
  gridId: string | null;
  beatId: string | null;
  incidentId: string | null;
}

export interface Location {
  lat?: number | null;
  lng?: number | null;
  /** A unit the caller names; must be in scope. The point may narrow it to a squad below. */
  unitCode?: string | null;
  /** When it happened: with the grid, gives the beat on duty (record chain). */
  occurredAt?: Date | null;
  /** The incident (警情) the record was made for. */
  incidentId?: string | null;
}

interface UnitRow {
  id: string;
  code: string;
  path: string;
  kind: string;
  depth: number;
  outline?: Area | null;
  area?: AreaIndex;
}

/**
 * THE place where every record (violation, accident, hazard, operation, key vehicle …),
 * single or imported, gets its unit, unit path and brigade:
 *  - the deepest unit in scope whose outline contains the point, within the named unit
 *    (unitCode) or else within the actor's own unit;
 *  - else the named unit, else the actor's unit;
 *  - it must be a brigade or a squad (a record belongs to one brigade).
 * `preload` loads every unit in scope once, with indexed outlines, for bulk imports;
 * without it each call asks the database (resolveUnitAtPoint), which suits one request.
 */
export class Placer {
  private byCode = new Map<string, UnitRow>();
  private brigades = new Map<string, string>();
  private beats = new Map<string, Promise<BeatIndex>>();
  private incidents = new Map<string, Promise<{ brigadeId: string; unitPath: string } | null>>();

  constructor(
    private actor: Actor,
    private preloaded: UnitRow[] | null,
  ) {
    for (const u of preloaded ?? []) this.byCode.set(u.code, u);
  }

  async place(loc: Location): Promise<Placement> {
    const base = loc.unitCode
      ? await this.unitByCode(loc.unitCode)
      : { id: this.actor.unitId, code: this.actor.unitCode, path: this.actor.unitPath, kind: "", depth: 0 };
    let unit: UnitRow = base;
    if (loc.lat != null && loc.lng != null) {
      const hit = await this.deepestAt(loc.lat, loc.lng);
      if (hit && hit.path.startsWith(base.path)) unit = hit;
    }
    if (!unit.kind) unit = await this.unitByCode(unit.code);
    const brigadeId = await this.brigadeOf(unit);
    // The grid-duty domain's in-memory index (cached per brigade, refreshed when grids change).
    const gridId = await gridIdAt({ brigadeId, lng: loc.lng, lat: loc.lat });
    return {
      unitId: unit.id,
      unitCode: unit.code,
      unitPath: unit.path,
      brigadeId,
      gridId,
      beatId: await this.beatAt(brigadeId, gridId, loc.occurredAt),
      incidentId: loc.incidentId ? await this.incident(loc.incidentId, brigadeId) : null,
    };
  }

  /** One request asks the database; an import indexes the brigade's beats once. */
  private async beatAt(brigadeId: string, gridId: string | null, at: Date | null | undefined) {
    if (!gridId || !at) return null;
    if (!this.preloaded) return beatIdAt(gridId, at);
    if (!this.beats.has(brigadeId)) this.beats.set(brigadeId, BeatIndex.load(brigadeId));
    return (await this.beats.get(brigadeId)!).at(gridId, at);
  }

  /** The incident must exist in the actor's scope and belong to the record's brigade. */
  private async incident(id: string, brigadeId: string): Promise<string> {
    if (!this.incidents.has(id))
      this.incidents.set(
        id,
        db.incident.findUnique({ where: { id }, select: { brigadeId: true, unitPath: true } }).catch(() => null),
      );
    const inc = await this.incidents.get(id)!;
    if (!inc || !inc.unitPath.startsWith(this.actor.unitPath) || inc.brigadeId !== brigadeId)
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "incidentId", message: "incidents.validation.incidentNotFound" }],
      });
    return id;
  }

  private async unitByCode(code: string): Promise<UnitRow> {
    const cached = this.byCode.get(code);
    if (cached) return cached;
    if (this.preloaded)
      throw new AppError("NOT_FOUND", `unit ${code} not found`, {
        fields: [{ path: "unitCode", message: "records.validation.unitNotFound" }],
      });
    const u = await db.unit.findUnique({
      where: { code },
      select: { id: true, code: true, path: true, kind: true, depth: true },
    });
    if (!u)
      throw new AppError("NOT_FOUND", `unit ${code} not found`, {
        fields: [{ path: "unitCode", message: "records.validation.unitNotFound" }],
      });
    assertInScope(this.actor, u.path, "unit");
    this.byCode.set(code, u);
    return u;
  }

  private async deepestAt(lat: number, lng: number): Promise<UnitRow | null> {
    if (!this.preloaded) {
      const u = await resolveUnitAtPoint({ actor: this.actor, input: { lng, lat } });
      return u ? { ...u, depth: 0 } : null;
    }
    let best: UnitRow | null = null;
    for (const u of this.preloaded) {
      if (u.area && (!best || u.depth > best.depth) && u.area.contains(lng, lat)) best = u;
    }
    return best;
  }

  private async brigadeOf(unit: UnitRow): Promise<string> {
    if (unit.kind === "BRIGADE") return unit.id;
    if (unit.kind !== "SQUAD") {
      throw new AppError("INVALID", "records belong to a brigade or a squad", {
        fields: [{ path: "unitCode", message: "records.validation.brigadeOrSquad" }],
      });
    }
    const brigadeCode = brigadeCodeOf(unit)!;
    const known = this.brigades.get(brigadeCode) ?? this.byCode.get(brigadeCode)?.id;
    if (known) return known;
    const b = await db.unit.findUniqueOrThrow({ where: { code: brigadeCode }, select: { id: true } });
    this.brigades.set(brigadeCode, b.id);
    return b.id;
  }
}

/** A placer for one request (asks the database as needed). */
export function placer(actor: Actor): Placer {
  return new Placer(actor, null);
}

/** A placer for bulk imports: every unit in scope loaded once, outlines indexed. */
export async function bulkPlacer(actor: Actor): Promise<Placer> {
  const units = await db.$queryRaw<
    { id: string; code: string; path: string; kind: string; depth: number; outline: Area | null }[]
  >`
    SELECT id, code, path, kind::text AS kind, depth, outline FROM units WHERE path LIKE ${pathLike(actor.unitPath)}`;
  return new Placer(
    actor,
    units.map((u) => ({ ...u, area: u.outline ? buildAreaIndex(u.outline) : undefined, outline: undefined })),
  );
}

export async function placeRecord(actor: Actor, loc: Location): Promise<Placement> {
  return placer(actor).place(loc);
}
