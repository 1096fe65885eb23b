import "server-only";
/**
 * Road segments (路段, optional 24-hour road chief 路长) and must-reach points (必到点) of
 * a grid. Both must lie inside the brigade's outline; a segment may leave its grid (a
 * road does not stop at a grid line), its risk counts records near the line itself.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { diff } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lineWithin, pointWithin } from "@/lib/geo/plane";
import { auditImage, inGrid, lineColumns, recordGridChange } from "./grid-change";
import type { CreatePointInput, CreateSegmentInput, UpdatePointInput, UpdateSegmentInput } from "./schemas";
import { brigadeOutline } from "./scope";
import { gridInScope } from "./write-grids";

const invalid = (path: string, key: string) => new AppError("INVALID", key, { fields: [{ path, message: key }] });

async function assertRoadChief(userId: string | null | undefined, brigadePath: string) {
  if (!userId) return;
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { active: true, role: true, unit: { select: { path: true } } },
  });
  if (!u || !u.active || !u.unit.path.startsWith(brigadePath) || !["OFFICER", "COMMANDER"].includes(u.role)) {
    throw invalid("roadChiefUserId", "duty.validation.roadChief");
  }
}

async function brigadePath(brigadeId: string) {
  return (await db.unit.findUniqueOrThrow({ where: { id: brigadeId }, select: { path: true } })).path;
}

async function activeGrid(actor: Actor, gridId: string) {
  const grid = await gridInScope({ actor, id: gridId });
  if (grid.archivedAt) throw new AppError("CONFLICT", "duty.gridArchived");
  return grid;
}

export async function createSegment({ actor, input }: { actor: Actor; input: CreateSegmentInput }) {
  assertCan(actor, "grid.manage");
  const grid = await activeGrid(actor, input.gridId);
  const outline = await brigadeOutline(grid.brigadeId);
  if (outline && !lineWithin(input.geometry.coordinates, outline))
    throw invalid("geometry", "duty.validation.outsideOutline");
  await assertRoadChief(input.roadChiefUserId, await brigadePath(grid.brigadeId));
  return db.$transaction(async (tx) => {
    const s = await tx.roadSegment.create({
      data: {
        ...inGrid(grid),
        name: input.name,
        ...lineColumns(input.geometry),
        roadChiefUserId: input.roadChiefUserId ?? null,
      },
    });
    await recordGridChange({ tx, actor, action: "segment.create", row: s, after: auditImage(s), event: "segment" });
    return s;
  });
}

export async function updateSegment({ actor, input }: { actor: Actor; input: UpdateSegmentInput }) {
  assertCan(actor, "grid.manage");
  const seg = await db.roadSegment.findUnique({ where: { id: input.id } });
  if (!seg) throw new AppError("NOT_FOUND", "segment not found");
  await gridInScope({ actor, id: seg.gridId });
  if (input.geometry) {
    const outline = await brigadeOutline(seg.brigadeId);
    if (outline && !lineWithin(input.geometry.coordinates, outline))
      throw invalid("geometry", "duty.validation.outsideOutline");
  }
  await assertRoadChief(input.roadChiefUserId, await brigadePath(seg.brigadeId));
  return db.$transaction(async (tx) => {
    const data = {
      name: input.name ?? seg.name,
      roadChiefUserId: input.roadChiefUserId === undefined ? seg.roadChiefUserId : input.roadChiefUserId,
      ...(input.geometry ? lineColumns(input.geometry) : {}),
    };
    const s = await tx.roadSegment.update({ where: { id: seg.id }, data });
    const d = diff(
      { name: seg.name, roadChiefUserId: seg.roadChiefUserId, lengthM: seg.lengthM },
      { name: s.name, roadChiefUserId: s.roadChiefUserId, lengthM: s.lengthM },
    );
    await recordGridChange({ tx, actor, action: "segment.update", row: s, ...d, event: "segment" });
    return s;
  });
}

export async function deleteSegment({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "grid.manage");
  const seg = await db.roadSegment.findUnique({ where: { id: input.id } });
  if (!seg) throw new AppError("NOT_FOUND", "segment not found");
  await gridInScope({ actor, id: seg.gridId });
  return db.$transaction(async (tx) => {
    await tx.roadSegment.delete({ where: { id: seg.id } });
    await recordGridChange({
      tx,
      actor,
      action: "segment.delete",
      row: seg,
      before: auditImage(seg),
      event: "segment",
    });
    return { id: seg.id };
  });
}

export async function createPoint({ actor, input }: { actor: Actor; input: CreatePointInput }) {
  assertCan(actor, "grid.manage");
  const grid = await activeGrid(actor, input.gridId);
  const outline = await brigadeOutline(grid.brigadeId);
  if (outline && !pointWithin(outline, input.lng, input.lat)) throw invalid("lat", "duty.validation.outsideOutline");
  return db.$transaction(async (tx) => {
    const p = await tx.mustReachPoint.create({
      data: {
        ...inGrid(grid),
        name: input.name,
        lat: input.lat,
        lng: input.lng,
        radiusM: input.radiusM,
        timeWindows: input.timeWindows,
      },
    });
    await recordGridChange({ tx, actor, action: "point.create", row: p, after: p, event: "point" });
    return p;
  });
}

export async function updatePoint({ actor, input }: { actor: Actor; input: UpdatePointInput }) {
  assertCan(actor, "grid.manage");
  const p = await db.mustReachPoint.findUnique({ where: { id: input.id } });
  if (!p || p.archivedAt) throw new AppError("NOT_FOUND", "point not found");
  await gridInScope({ actor, id: p.gridId });
  const lat = input.lat ?? p.lat;
  const lng = input.lng ?? p.lng;
  const outline = await brigadeOutline(p.brigadeId);
  if (outline && !pointWithin(outline, lng, lat)) throw invalid("lat", "duty.validation.outsideOutline");
  return db.$transaction(async (tx) => {
    const next = {
      name: input.name ?? p.name,
      lat,
      lng,
      radiusM: input.radiusM ?? p.radiusM,
      timeWindows: (input.timeWindows ?? p.timeWindows) as Prisma.InputJsonValue,
    };
    const u = await tx.mustReachPoint.update({ where: { id: p.id }, data: next });
    const d = diff(
      { name: p.name, lat: p.lat, lng: p.lng, radiusM: p.radiusM, timeWindows: p.timeWindows } as Record<
        string,
        unknown
      >,
      next,
    );
    await recordGridChange({ tx, actor, action: "point.update", row: p, ...d, event: "point" });
    return u;
  });
}

/** Deletes a point, or archives it when beats used it (their plan-vs-actual keeps it). */
export async function deletePoint({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "grid.manage");
  const p = await db.mustReachPoint.findUnique({ where: { id: input.id } });
  if (!p || p.archivedAt) throw new AppError("NOT_FOUND", "point not found");
  await gridInScope({ actor, id: p.gridId });
  return db.$transaction(async (tx) => {
    const used = await tx.beatPoint.count({ where: { pointId: p.id } });
    if (used) await tx.mustReachPoint.update({ where: { id: p.id }, data: { archivedAt: new Date() } });
    else await tx.mustReachPoint.delete({ where: { id: p.id } });
    await recordGridChange({
      tx,
      actor,
      action: used ? "point.archive" : "point.delete",
      row: p,
      before: p,
      event: "point",
    });
    return { id: p.id, archived: used > 0 };
  });
}
