import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { notifyEvent } from "@/lib/realtime/notify";
import { beatDtosByIds } from "./beat-dto";
import { assertBeatParts, beatWarnings, withOverlapCheck } from "./beat-rules";
import type { BeatResult } from "./create-beat";
import type { CancelBeatInput, UpdateBeatInput } from "./schemas";

async function beatInScope(actor: Actor, id: string) {
  const beat = await db.beat.findUnique({ where: { id }, include: { members: true, points: true, grid: true } });
  if (!beat) throw new AppError("NOT_FOUND", "beat not found");
  assertInScope(actor, beat.unitPath, "beat");
  return beat;
}

/**
 * Changes a beat: times, shift, people, points, types, notes. People not named stay;
 * sending leadUserId null removes the lead. A stale `version` is a 409 (someone else
 * changed the beat meanwhile), and the no-double-booking rule applies as on create.
 */
export async function updateBeat({ actor, input }: { actor: Actor; input: UpdateBeatInput }): Promise<BeatResult> {
  assertCan(actor, "beat.manage");
  const cur = await beatInScope(actor, input.id);
  if (cur.cancelledAt) throw new AppError("CONFLICT", "duty.beatCancelled");
  if (input.version !== undefined && input.version !== cur.version)
    throw new AppError("CONFLICT", "duty.staleBeat", { details: { version: cur.version } });
  const curLead = cur.members.find((m) => m.role === "lead")?.userId ?? null;
  const lead = input.leadUserId === undefined ? curLead : input.leadUserId;
  const aux = input.auxiliaryUserIds ?? cur.members.filter((m) => m.role === "auxiliary").map((m) => m.userId);
  const startsAt = input.startsAt ?? cur.startsAt;
  const endsAt = input.endsAt ?? cur.endsAt;
  if (endsAt <= startsAt)
    throw new AppError("INVALID", "duty.validation.endAfterStart", {
      fields: [{ path: "endsAt", message: "duty.validation.endAfterStart" }],
    });
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3600_000)
    throw new AppError("INVALID", "duty.validation.max24h", {
      fields: [{ path: "endsAt", message: "duty.validation.max24h" }],
    });
  if (!lead && aux.length === 0)
    throw new AppError("INVALID", "duty.validation.nobody", {
      fields: [{ path: "leadUserId", message: "duty.validation.nobody" }],
    });
  if ((lead && aux.includes(lead)) || new Set(aux).size !== aux.length)
    throw new AppError("INVALID", "duty.validation.samePersonTwice", {
      fields: [{ path: "auxiliaryUserIds", message: "duty.validation.samePersonTwice" }],
    });
  const pointIds = input.mustReachPointIds ?? cur.points.map((p) => p.pointId);
  // Only newly added people/points/types are checked again (existing ones may since be disabled).
  const curIds = new Set(cur.members.map((m) => m.userId));
  await assertBeatParts(cur.grid, {
    leadUserId: lead && !curIds.has(lead) ? lead : null,
    auxiliaryUserIds: aux.filter((id) => !curIds.has(id)),
    mustReachPointIds: input.mustReachPointIds?.filter((id) => !cur.points.some((p) => p.pointId === id)),
    mustCorrectTypes: input.mustCorrectTypes?.filter((k) => !cur.mustCorrectTypes.includes(k)),
  });
  const userIds = [...(lead ? [lead] : []), ...aux];

  await withOverlapCheck({
    actor,
    who: { userIds, start: startsAt, end: endsAt, exceptBeatId: cur.id },
    write: () =>
      db.$transaction(async (tx) => {
        // The version check and bump in one statement: a concurrent edit loses cleanly.
        const bumped = await tx.beat.updateMany({
          where: { id: cur.id, version: cur.version, cancelledAt: null },
          data: {
            startsAt,
            endsAt,
            shiftKind: input.shiftKind ?? cur.shiftKind,
            mustCorrectTypes: input.mustCorrectTypes ?? cur.mustCorrectTypes,
            notes: input.notes === undefined ? cur.notes : input.notes,
            version: { increment: 1 },
          },
        });
        if (bumped.count !== 1) throw new AppError("CONFLICT", "duty.staleBeat");
        const wanted = new Map(userIds.map((id) => [id, id === lead ? "lead" : "auxiliary"]));
        await tx.beatMember.deleteMany({
          where: {
            beatId: cur.id,
            OR: [
              { userId: { notIn: userIds } },
              {
                userId: {
                  in: cur.members
                    .filter((m) => wanted.get(m.userId) && wanted.get(m.userId) !== m.role)
                    .map((m) => m.userId),
                },
              },
            ],
          },
        });
        const keep = new Set(cur.members.filter((m) => wanted.get(m.userId) === m.role).map((m) => m.userId));
        const add = userIds.filter((id) => !keep.has(id));
        if (add.length)
          await tx.beatMember.createMany({
            data: add.map((userId) => ({ beatId: cur.id, userId, role: wanted.get(userId)!, startsAt, endsAt })),
          });
        if (input.mustReachPointIds) {
          await tx.beatPoint.deleteMany({ where: { beatId: cur.id } });
          if (pointIds.length)
            await tx.beatPoint.createMany({ data: pointIds.map((pointId) => ({ beatId: cur.id, pointId })) });
        }
        const d = diff(
          {
            startsAt: cur.startsAt,
            endsAt: cur.endsAt,
            shiftKind: cur.shiftKind,
            leadUserId: curLead,
            auxiliaryUserIds: cur.members
              .filter((m) => m.role === "auxiliary")
              .map((m) => m.userId)
              .sort(),
            mustReachPointIds: cur.points.map((p) => p.pointId).sort(),
            mustCorrectTypes: cur.mustCorrectTypes,
            notes: cur.notes,
          } as Record<string, unknown>,
          {
            startsAt,
            endsAt,
            shiftKind: input.shiftKind ?? cur.shiftKind,
            leadUserId: lead,
            auxiliaryUserIds: [...aux].sort(),
            mustReachPointIds: [...pointIds].sort(),
            mustCorrectTypes: input.mustCorrectTypes ?? cur.mustCorrectTypes,
            notes: input.notes === undefined ? cur.notes : input.notes,
          },
        );
        await writeAudit(tx, actor, {
          action: "beat.update",
          entity: "beat",
          entityId: cur.id,
          ...d,
          unitId: cur.unitId,
          unitPath: cur.unitPath,
        });
        await notifyEvent(tx, "duty.beat", cur.unitPath, { id: cur.id, action: "update" });
      }),
  });
  const [beat] = await beatDtosByIds({ actor, ids: [cur.id] });
  const warnings = await beatWarnings({
    id: cur.id,
    gridId: cur.gridId,
    brigadeId: cur.brigadeId,
    startsAt,
    endsAt,
    leadUserId: lead,
    userIds,
  });
  return { beat, warnings, replayed: false };
}

/** Cancels a beat (kept for history; its people become free for that time). */
export async function cancelBeat({ actor, input }: { actor: Actor; input: CancelBeatInput }) {
  assertCan(actor, "beat.manage");
  const cur = await beatInScope(actor, input.id);
  if (!cur.cancelledAt) {
    await db.$transaction(async (tx) => {
      const n = await tx.beat.updateMany({
        where: { id: cur.id, cancelledAt: null },
        data: {
          cancelledAt: new Date(),
          cancelledById: actor.userId,
          cancelReason: input.reason ?? null,
          version: { increment: 1 },
        },
      });
      if (n.count !== 1) return; // cancelled concurrently: same outcome
      await writeAudit(tx, actor, {
        action: "beat.cancel",
        entity: "beat",
        entityId: cur.id,
        before: { cancelledAt: null },
        after: { cancelledAt: new Date(), reason: input.reason ?? null },
        unitId: cur.unitId,
        unitPath: cur.unitPath,
      });
      await notifyEvent(tx, "duty.beat", cur.unitPath, { id: cur.id, action: "cancel" });
    });
  }
  const [beat] = await beatDtosByIds({ actor, ids: [cur.id] });
  return beat;
}
