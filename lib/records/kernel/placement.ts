import "server-only";
import { db } from "@/lib/db";
import { inScope, type Actor, pathLike } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Area } from "@/lib/geo/geometry";
import { brigadeCodeOf } from "@/lib/units/brigade";
import { resolveUnitAtPoint } from "@/lib/units/resolve-unit-at-point";
import { freshGridIndex, gridIdAt } from "@/lib/duty/grid-lookup";
import { buildAreaIndex, type AreaIndex } from "@/lib/geo/area-index";
import { BeatIndex, beatIdAt } from "../chain";

/**
 * Where a record belongs — THE one type for it, on every record kind (violation, accident,
 * hazard, operation, key vehicle, window transaction, incident, field capture) and every
 * row a bulk writer stores: its unit (a brigade or a squad), that unit's path, its brigade
 * (every fact row carries it: a brigade's data can live on one node later) and, for records
 * with a location, the duty grid it fell in. The record chain (lib/records/chain.ts: the
 * beat on duty there and then, the incident it was recorded for — checked: in scope, same
 * brigade) is derived here too, the same way at write and at import time; a new link is a
 * field here, a column in `CHAIN_COLUMNS` and a value in `chainValues` — nothing else in
 * the kernel changes.
 */
export interface Placement {
  unitId: string;
  unitPath: string;
  brigadeId: string;
  gridId: string | null;
  beatId: string | null;
  incidentId: string | null;
}

/** The unit part of a placement, for rows that carry no grid (halls, trips, tickets, operations). */
export type UnitPlacement = Pick<Placement, "unitId" | "unitPath" | "brigadeId">;

/** Columns (and Prisma fields) of a placed record with a location, in the order of `recordValues`. */
export const RECORD_COLUMNS = ["unit_id", "unit_path", "brigade_id", "grid_id"] as const;
export const recordValues = (p: Placement): unknown[] => [p.unitId, p.unitPath, p.brigadeId, p.gridId];
/** The same as Prisma create data. */
export const recordData = (p: Placement) => ({
  unitId: p.unitId,
  unitPath: p.unitPath,
  brigadeId: p.brigadeId,
  gridId: p.gridId,
});

/** Who recorded a record (the last link of its chain): a person, or a device's API token. */
export const recorderData = (actor: Pick<Actor, "userId" | "tokenId">) => ({
  recordedById: actor.userId,
  recordedByTokenId: actor.tokenId,
});

/** Where on the road a record is, as given: the point and its description. */
export const locationData = (input: {
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  roadName?: string | null;
}) => ({
  lat: input.lat ?? null,
  lng: input.lng ?? null,
  address: input.address ?? null,
  roadName: input.roadName ?? null,
});

/** Columns (and Prisma fields) of a placed row without a grid. */
export const UNIT_COLUMNS = ["unit_id", "unit_path", "brigade_id"] as const;
export const unitValues = (p: UnitPlacement): unknown[] => [p.unitId, p.unitPath, p.brigadeId];
export const unitData = (p: UnitPlacement): UnitPlacement => ({
  unitId: p.unitId,
  unitPath: p.unitPath,
  brigadeId: p.brigadeId,
});

/**
 * Columns (and Prisma fields) of a record in the record chain (violations, accidents): its
 * placement plus the beat on duty and the incident, in the order of `chainValues`.
 */
export const CHAIN_COLUMNS = [...RECORD_COLUMNS, "beat_id", "incident_id"] as const;
export const chainValues = (p: Placement): unknown[] => [...recordValues(p), p.beatId, p.incidentId];
export const chainData = (p: Placement) => ({ ...recordData(p), beatId: p.beatId, incidentId: p.incidentId });

/** The placement of a record that belongs where a stored row does (a hall, a trip, a service point). */
export const placementOf = (row: UnitPlacement): Placement => ({
  ...unitData(row),
  gridId: null,
  beatId: null,
  incidentId: null,
});

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

const unitNotFound = (code: string) =>
  new AppError("NOT_FOUND", `unit ${code} not found`, {
    fields: [{ path: "unitCode", message: "records.validation.unitNotFound" }],
  });

/**
 * THE place where every record, single or imported, gets its placement:
 *  - the deepest unit in scope whose outline contains the point, within the named unit
 *    (unitCode) or else within the actor's own unit;
 *  - else the named unit, else the actor's unit;
 *  - it must be a brigade or a squad (a record belongs to one brigade);
 *  - the grid of the brigade that contains the point, if any.
 * `bulkPlacer` loads every unit in scope once, with indexed outlines, for bulk imports;
 * `placer` asks the database as needed (resolveUnitAtPoint), which suits one request.
 */
export class Placer {
  private byCode = new Map<string, UnitRow>();
  private brigades = new Map<string, string>();
  private beats = new Map<string, Promise<BeatIndex>>();
  private incidents = new Map<string, Promise<{ brigadeId: string; unitPath: string } | null>>();

  /** The actor's own unit, where a record without a named unit or a point inside a deeper one belongs. */
  private own: UnitRow;

  constructor(
    private actor: Actor,
    private preloaded: UnitRow[] | null,
  ) {
    for (const u of preloaded ?? []) this.byCode.set(u.code, u);
    this.own = { id: actor.unitId, code: actor.unitCode, path: actor.unitPath, kind: "", depth: 0 };
  }

  async place(loc: Location): Promise<Placement> {
    const base = loc.unitCode ? (this.byCode.get(loc.unitCode) ?? (await this.unitByCode(loc.unitCode))) : this.own;
    let unit: UnitRow = base;
    // Awaits only what is not at hand yet: an import places every row here, from memory.
    if (loc.lat != null && loc.lng != null) {
      const hit = this.preloaded ? this.deepestLoaded(loc.lat, loc.lng) : await this.deepestAt(loc.lat, loc.lng);
      if (hit && hit.path.startsWith(base.path)) unit = hit;
    }
    if (!unit.kind) unit = this.byCode.get(unit.code) ?? (await this.unitByCode(unit.code));
    const brigadeId = unit.kind === "BRIGADE" ? unit.id : await this.brigadeOf(unit);
    // The grid-duty domain's in-memory index (cached per brigade, refreshed when grids change);
    // while it is fresh, no await (an import places every row here).
    const grids = loc.lat != null && loc.lng != null ? freshGridIndex(brigadeId) : undefined;
    const gridId = grids ? grids.at(loc.lng!, loc.lat!) : await gridIdAt({ brigadeId, lng: loc.lng, lat: loc.lat });
    return {
      unitId: unit.id,
      unitPath: unit.path,
      brigadeId,
      gridId,
      beatId: gridId && loc.occurredAt ? await this.beatAt(brigadeId, gridId, loc.occurredAt) : null,
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
    if (this.preloaded) throw unitNotFound(code);
    const u = await db.unit.findUnique({
      where: { code },
      select: { id: true, code: true, path: true, kind: true, depth: true },
    });
    // Outside scope answers like a unit that does not exist (404), on the field, as the bulk placer does.
    if (!u || !inScope(this.actor, u.path)) throw unitNotFound(code);
    this.byCode.set(code, u);
    return u;
  }

  /** One request: the database's deepest unit in scope at the point. */
  private async deepestAt(lat: number, lng: number): Promise<UnitRow | null> {
    const u = await resolveUnitAtPoint({ actor: this.actor, input: { lng, lat } });
    return u ? { ...u, depth: 0 } : null;
  }

  /** The deepest preloaded unit whose outline contains the point. */
  private deepestLoaded(lat: number, lng: number): UnitRow | null {
    let best: UnitRow | null = null;
    for (const u of this.preloaded!) {
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
