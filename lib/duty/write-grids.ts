import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { diff } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { gridGeometryProblems } from "@/lib/geo/plane";
import type { Area } from "@/lib/geo/geometry";
import { areaColumns, auditImage, recordGridChange } from "./grid-change";
import { reassignGrids, unionBBox, type ReassignResult } from "./grid-lookup";
import { pgErrorCode, UNIQUE_VIOLATION } from "./pg-error";
import type { CreateGridInput, UpdateGridInput } from "./schemas";
import { dutyUnitByCode, outlineFor } from "./scope";

/** 422 naming the geometry problems (self-intersection, outside the squad's outline…). */
export function assertGridGeometry(area: Area, outline: Area | null, path = "geometry") {
  const problems = gridGeometryProblems(area, outline);
  if (problems.length) {
    throw new AppError("INVALID", `duty.validation.${problems[0]}`, {
      fields: problems.map((p) => ({ path, message: `duty.validation.${p}` })),
    });
  }
}

function nameTaken(e: unknown): never {
  if (pgErrorCode(e) === UNIQUE_VIOLATION) {
    throw new AppError("CONFLICT", "duty.validation.nameTaken", {
      fields: [{ path: "name", message: "duty.validation.nameTaken" }],
    });
  }
  throw e;
}

/** A grid in the actor's scope (404 otherwise), inside a transaction or not. */
export async function gridInScope({ actor, id, client = db }: { actor: Actor; id: string; client?: Tx }) {
  const grid = await client.grid.findUnique({ where: { id } });
  if (!grid) throw new AppError("NOT_FOUND", "grid not found");
  assertInScope(actor, grid.unitPath, "grid");
  return grid;
}

export async function createGrid({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateGridInput;
}): Promise<{ grid: { id: string; name: string }; reassigned: ReassignResult }> {
  assertCan(actor, "grid.manage");
  const unit = await dutyUnitByCode({ actor, code: input.unitCode, squadOnly: true });
  const geometry = input.geometry as Area;
  assertGridGeometry(geometry, await outlineFor(unit));
  const grid = await db
    .$transaction(async (tx) => {
      const g = await tx.grid.create({
        data: {
          unitId: unit.id,
          unitPath: unit.path,
          brigadeId: unit.brigade.id,
          name: input.name,
          kind: input.kind,
          ...areaColumns(geometry),
          drivers: input.drivers ?? null,
          roadKm: input.roadKm ?? null,
          difficulty: input.difficulty,
          availablePolice: input.availablePolice ?? null,
          notes: input.notes,
          demo: input.demo ?? false,
        },
      });
      await recordGridChange({ tx, actor, action: "grid.create", row: g, after: auditImage(g), event: "create" });
      return g;
    })
    .catch(nameTaken);
  const reassigned = await reassignGrids({ brigadeId: unit.brigade.id, bbox: grid.bbox });
  return { grid: { id: grid.id, name: grid.name }, reassigned };
}

export async function updateGrid({ actor, input }: { actor: Actor; input: UpdateGridInput }) {
  assertCan(actor, "grid.manage");
  const current = await gridInScope({ actor, id: input.id });
  if (current.archivedAt) throw new AppError("CONFLICT", "duty.gridArchived");
  const geometry = input.geometry as Area | undefined;
  if (geometry) {
    const unit = await db.unit.findUniqueOrThrow({ where: { id: current.unitId }, select: { id: true } });
    assertGridGeometry(geometry, await outlineFor({ id: unit.id, brigade: { id: current.brigadeId } }));
  }
  const next = {
    name: input.name ?? current.name,
    kind: input.kind ?? current.kind,
    drivers: input.drivers === undefined ? current.drivers : input.drivers,
    roadKm: input.roadKm === undefined ? current.roadKm : input.roadKm,
    difficulty: input.difficulty ?? current.difficulty,
    availablePolice: input.availablePolice === undefined ? current.availablePolice : input.availablePolice,
    notes: input.notes === undefined ? current.notes : input.notes,
  };
  const updated = await db
    .$transaction(async (tx) => {
      const g = await tx.grid.update({
        where: { id: current.id },
        data: {
          ...next,
          ...(geometry ? { ...areaColumns(geometry), demo: false } : {}),
        },
      });
      const d = diff({ ...current, geometry: JSON.stringify(current.geometry) } as Record<string, unknown>, {
        ...next,
        ...(geometry ? { geometry: JSON.stringify(geometry) } : {}),
      });
      await recordGridChange({ tx, actor, action: "grid.update", row: g, ...d, event: "update" });
      return g;
    })
    .catch(nameTaken);
  const reassigned = geometry
    ? await reassignGrids({
        brigadeId: current.brigadeId,
        bbox: unionBBox(current.bbox, updated.bbox),
        gridIds: [current.id],
      })
    : null;
  return { grid: { id: updated.id, name: updated.name }, reassigned };
}

/**
 * Removes a grid from the map, the board and grid assignment. A grid with beats is
 * archived (its beats' history stays); one without is deleted with its segments and points.
 */
export async function archiveGrid({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "grid.manage");
  const current = await gridInScope({ actor, id: input.id });
  if (current.archivedAt) return { id: current.id, archived: true, reassigned: null };
  const result = await db.$transaction(async (tx) => {
    const beats = await tx.beat.count({ where: { gridId: current.id } });
    if (beats > 0) {
      const future = await tx.beat.count({
        where: { gridId: current.id, cancelledAt: null, endsAt: { gt: new Date() } },
      });
      if (future > 0) throw new AppError("CONFLICT", "duty.gridHasFutureBeats", { details: { count: future } });
      await tx.grid.update({ where: { id: current.id }, data: { archivedAt: new Date() } });
    } else {
      await tx.grid.delete({ where: { id: current.id } });
    }
    await recordGridChange({
      tx,
      actor,
      action: beats > 0 ? "grid.archive" : "grid.delete",
      row: current,
      before: auditImage(current),
      event: "archive",
    });
    return { id: current.id, archived: beats > 0 };
  });
  const reassigned = await reassignGrids({ brigadeId: current.brigadeId, bbox: current.bbox, gridIds: [current.id] });
  return { ...result, reassigned };
}
