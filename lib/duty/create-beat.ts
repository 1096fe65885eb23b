import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { runIdempotent } from "@/lib/idempotency/run-idempotent";
import { notifyEvent } from "@/lib/realtime/notify";
import { beatDtosByIds, type BeatDto } from "./beat-dto";
import { assertBeatParts, beatWarnings, withOverlapCheck, type BeatWarning } from "./beat-rules";
import type { CreateBeatInput } from "./schemas";
import { gridInScope } from "./write-grids";

export interface BeatResult {
  beat: BeatDto;
  warnings: BeatWarning[];
  replayed: boolean;
}

/**
 * Creates a beat and its members in one transaction. The database refuses to put one
 * person on two overlapping beats (exclusion constraint); that becomes a 409 naming the
 * person and the other beat. With an Idempotency-Key, a retry returns the first beat.
 */
export async function createBeat({
  actor,
  input,
  idempotency,
  copiedFrom,
}: {
  actor: Actor;
  input: CreateBeatInput;
  idempotency?: { key: string | null; fingerprint: string };
  copiedFrom?: string;
}): Promise<BeatResult> {
  assertCan(actor, "beat.manage");
  const grid = await gridInScope({ actor, id: input.gridId });
  if (grid.archivedAt) throw new AppError("CONFLICT", "duty.gridArchived");
  await assertBeatParts(grid, input);
  const lead = input.leadUserId ?? null;
  const userIds = [...(lead ? [lead] : []), ...input.auxiliaryUserIds];

  const { record, replayed } = await withOverlapCheck({
    actor,
    who: { userIds, start: input.startsAt, end: input.endsAt, exceptBeatId: null },
    write: () =>
      db.$transaction(async (tx) =>
        runIdempotent(
          tx,
          { actor, key: idempotency?.key ?? null, entity: "beat", fingerprint: idempotency?.fingerprint ?? "" },
          async () => {
            const beat = await tx.beat.create({
              data: {
                gridId: grid.id,
                unitId: grid.unitId,
                unitPath: grid.unitPath,
                brigadeId: grid.brigadeId,
                startsAt: input.startsAt,
                endsAt: input.endsAt,
                shiftKind: input.shiftKind,
                mustCorrectTypes: input.mustCorrectTypes,
                notes: input.notes,
                createdById: actor.userId,
              },
            });
            // Members take the beat's range and cancelled flag from a trigger (one source of truth).
            await tx.beatMember.createMany({
              data: userIds.map((userId) => ({
                beatId: beat.id,
                userId,
                role: userId === lead ? "lead" : "auxiliary",
                startsAt: beat.startsAt,
                endsAt: beat.endsAt,
              })),
            });
            if (input.mustReachPointIds.length)
              await tx.beatPoint.createMany({
                data: input.mustReachPointIds.map((pointId) => ({ beatId: beat.id, pointId })),
              });
            await writeAudit(tx, actor, {
              action: "beat.create",
              entity: "beat",
              entityId: beat.id,
              after: {
                ...beat,
                leadUserId: lead,
                auxiliaryUserIds: input.auxiliaryUserIds,
                mustReachPointIds: input.mustReachPointIds,
                copiedFrom,
              },
              unitId: grid.unitId,
              unitPath: grid.unitPath,
            });
            await notifyEvent(tx, "duty.beat", grid.unitPath, { id: beat.id, action: "create" });
            return { id: beat.id };
          },
          async (id) => ({ id }),
        ),
      ),
  });
  const [beat] = await beatDtosByIds({ actor, ids: [record.id] });
  const warnings = await beatWarnings({
    id: beat.id,
    gridId: grid.id,
    brigadeId: grid.brigadeId,
    startsAt: new Date(beat.startsAt),
    endsAt: new Date(beat.endsAt),
    leadUserId: beat.lead?.id ?? null,
    userIds: [...(beat.lead ? [beat.lead.id] : []), ...beat.auxiliaries.map((a) => a.id)],
  });
  return { beat, warnings, replayed };
}
