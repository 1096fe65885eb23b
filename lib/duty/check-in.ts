import "server-only";
/**
 * 到点签到: a beat member's arrival at one of the beat's must-reach points, sent by the
 * phone (automatically when a fix falls within the point's radius during its window, or
 * by a tap). The first check-in per person, beat and point counts; a resend returns it.
 * Plan vs actual counts check-ins beside the dwell found in the track.
 */
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { checkInIssue, type PlannedPoint } from "./plan-actual";
import type { CheckInInput } from "./schemas";

export async function checkIn({ actor, input }: { actor: Actor; input: CheckInInput }) {
  assertCan(actor, "position.report");
  if (actor.kind !== "user" || !actor.userId) throw new AppError("FORBIDDEN", "duty.checkIn.notOnBeat");
  const beat = await db.beat.findUnique({
    where: { id: input.beatId },
    include: { members: { select: { userId: true } }, points: { select: { point: true } } },
  });
  if (!beat) throw new AppError("NOT_FOUND", "beat not found");
  assertInScope(actor, beat.unitPath, "beat");
  if (!beat.members.some((m) => m.userId === actor.userId) || beat.cancelledAt)
    throw new AppError("FORBIDDEN", "duty.checkIn.notOnBeat");
  const point = beat.points.find((p) => p.point.id === input.pointId)?.point;
  if (!point)
    throw new AppError("INVALID", "invalid input", {
      fields: [{ path: "pointId", message: "duty.checkIn.notBeatPoint" }],
    });
  const issue = checkInIssue(
    { ...point, timeWindows: point.timeWindows as PlannedPoint["timeWindows"] },
    { startsAt: beat.startsAt.getTime(), endsAt: beat.endsAt.getTime() },
    { at: input.at.getTime(), lat: input.lat, lng: input.lng, accuracyM: input.accuracyM ?? null },
  );
  if (issue)
    throw new AppError("INVALID", "invalid input", {
      fields: [{ path: issue === "duty.checkIn.tooFar" ? "lat" : "at", message: issue }],
    });
  return db.$transaction(async (tx) => {
    const [row] = await tx.pointCheckIn.createManyAndReturn({
      skipDuplicates: true,
      data: [
        {
          beatId: beat.id,
          pointId: point.id,
          userId: actor.userId!,
          unitId: beat.unitId,
          unitPath: beat.unitPath,
          brigadeId: beat.brigadeId,
          occurredAt: input.at,
          lat: input.lat,
          lng: input.lng,
          accuracyM: input.accuracyM ?? null,
          method: input.method,
        },
      ],
    });
    if (!row) {
      const prior = await tx.pointCheckIn.findUniqueOrThrow({
        where: { beatId_pointId_userId: { beatId: beat.id, pointId: point.id, userId: actor.userId! } },
      });
      return { checkIn: prior, replayed: true };
    }
    await writeAudit(tx, actor, {
      action: "beat.checkIn",
      entity: "beat",
      entityId: beat.id,
      after: { pointId: point.id, point: point.name, at: row.occurredAt, method: row.method },
      unitId: beat.unitId,
      unitPath: beat.unitPath,
    });
    return { checkIn: row, replayed: false };
  });
}
