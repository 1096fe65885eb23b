import "server-only";
/**
 * The building blocks every write to the grid map shares (the editor's grids, road segments
 * and must-reach points, and the GeoJSON import): the columns a geometry is stored in, the
 * grid a segment or point belongs to, and the audit row (plus the live "duty.grid" event)
 * written in the transaction that makes the change.
 */
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { bboxOf, type Area } from "@/lib/geo/geometry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lineLengthM } from "@/lib/geo/plane";
import { notifyEvent } from "@/lib/realtime/notify";
import type { Position } from "geojson";

/** A grid's outline as stored: the GeoJSON and its bounding box. */
export function areaColumns(geometry: Area) {
  return { geometry: geometry as unknown as Prisma.InputJsonValue, bbox: bboxOf(geometry) };
}

/** A road segment's line as stored: the GeoJSON, its bounding box and its length in whole metres. */
export function lineColumns(geometry: { type: "LineString"; coordinates: Position[] }) {
  return {
    geometry: geometry as unknown as Prisma.InputJsonValue,
    bbox: bboxOf(geometry),
    lengthM: Math.round(lineLengthM(geometry.coordinates)),
  };
}

/** The grid, unit and brigade columns of a new segment or point: those of its grid. */
export function inGrid(grid: { id: string; unitId: string; unitPath: string; brigadeId: string }) {
  return { gridId: grid.id, unitId: grid.unitId, unitPath: grid.unitPath, brigadeId: grid.brigadeId };
}

/** A grid or segment row as its audit row keeps it: without the geometry (the row's history need not repeat it). */
export const auditImage = <T extends object>(row: T): Omit<T, "geometry"> & { geometry: undefined } => ({
  ...row,
  geometry: undefined,
});

/** The audit entity of each kind of feature, by the first word of its audit action. */
const ENTITY = { grid: "grid", segment: "road_segment", point: "must_reach_point" } as const;

export interface GridChange {
  tx: Tx;
  actor: Actor;
  /** "grid.create", "segment.update", "point.archive"…: the first word names the kind of feature. */
  action: `${keyof typeof ENTITY}.${string}`;
  /** The row written (or removed): the audit row names it and belongs to its unit. */
  row: { id: string; unitId: string; unitPath: string; gridId?: string };
  before?: unknown;
  after?: unknown;
}

/** The audit row of a change to a grid, a road segment or a must-reach point, in the row's unit. */
export async function auditGridChange({ tx, actor, action, row, before, after }: GridChange) {
  await writeAudit(tx, actor, {
    action,
    entity: ENTITY[action.slice(0, action.indexOf(".")) as keyof typeof ENTITY],
    entityId: row.id,
    before,
    after,
    unitId: row.unitId,
    unitPath: row.unitPath,
  });
}

/**
 * The audit row and the live "duty.grid" event (the map and every instance's grid lookup
 * listen to it), sent to the row's unit with the id of the grid (the row's own, or the grid
 * its segment or point lies in) and `event`, what changed.
 */
export async function recordGridChange({ event, ...change }: GridChange & { event: string }) {
  await auditGridChange(change);
  const { row } = change;
  await notifyEvent(change.tx, "duty.grid", row.unitPath, { id: row.gridId ?? row.id, action: event });
}
