import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, inScope, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { contentHashOf, createOnce } from "@/lib/records/create-once";
import { placer } from "@/lib/records/place-record";
import { notifyEvent } from "@/lib/realtime/notify";
import { recordingIssues, type TypeRules } from "./rules";
import type { CreateViolationInput } from "./schemas";
import { violationAudit } from "./serialize";

/** The checks a new violation must pass before it is placed and written (shared rules with the import). */
function assertMayRecord(actor: Actor, type: TypeRules | null, input: CreateViolationInput) {
  const issues = recordingIssues(can(actor, "violation.penalize"), type, input);
  if (!issues.length) return;
  const forbidden = issues.filter((i) => i.status === 403);
  const list = forbidden.length ? forbidden : issues;
  throw new AppError(forbidden.length ? "FORBIDDEN" : "INVALID", forbidden.length ? list[0].message : "invalid input", {
    fields: list.map(({ path, message }) => ({ path, message })),
    details: type
      ? { fineMinYuan: type.fineMinYuan, fineMaxYuan: type.fineMaxYuan, maxDetentionDays: type.maxDetentionDays }
      : undefined,
  });
}

/**
 * Records a violation. Auxiliaries (no violation.penalize) record only the types the
 * catalogue allows them and never a penalty. Unit and brigade come from the point (or
 * unitCode) through placeRecord, never from the client as such.
 */
export async function createViolation({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: CreateViolationInput;
  idempotencyKey?: string | null;
}) {
  assertCan(actor, "violation.create");
  const type = await db.violationType.findUnique({ where: { key: input.type } });
  assertMayRecord(actor, type, input);
  if (input.operationId) {
    const op = await db.operation.findUnique({ where: { id: input.operationId }, select: { unitPath: true } });
    if (!op || !inScope(actor, op.unitPath))
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "operationId", message: "records.operationNotFound" }],
      });
  }
  const place = await placer(actor).place(input);
  const contentHash = contentHashOf("violation", input);

  return createOnce({
    actor,
    entity: "violation",
    idempotencyKey,
    contentHash,
    insert: async (tx) => {
      const [row] = await tx.violation.createManyAndReturn({
        skipDuplicates: true,
        data: [
          {
            unitId: place.unitId,
            unitPath: place.unitPath,
            brigadeId: place.brigadeId,
            gridId: place.gridId,
            beatId: place.beatId,
            incidentId: place.incidentId,
            occurredAt: input.occurredAt,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            address: input.address ?? null,
            roadName: input.roadName ?? null,
            plate: input.plate ?? null,
            plateColor: input.plateColor ?? null,
            vehicleType: input.vehicleType ?? null,
            typeKey: type!.key,
            serious: type!.serious,
            source: input.source,
            recordedById: actor.userId,
            recordedByTokenId: actor.tokenId,
            operationId: input.operationId ?? null,
            driverName: input.driverName ?? null,
            driverIdNumber: input.driverIdNumber ?? null,
            licenceNumber: input.licenceNumber ?? null,
            fineYuan: input.fineYuan ?? null,
            points: input.points ?? null,
            licenceSeized: input.licenceSeized,
            detentionDays: input.detentionDays ?? 0,
            externalRef: input.externalRef ?? null,
            contentHash,
            notes: input.notes ?? null,
          },
        ],
      });
      if (!row) return null;
      await writeAudit(tx, actor, {
        action: "violation.create",
        entity: "violation",
        entityId: row.id,
        after: violationAudit(row),
        unitId: row.unitId,
        unitPath: row.unitPath,
      });
      await notifyEvent(tx, "violation", row.unitPath, {
        id: row.id,
        type: row.typeKey,
        lat: row.lat,
        lng: row.lng,
        occurredAt: row.occurredAt,
      });
      return row;
    },
    existing: async (tx) =>
      input.externalRef
        ? tx.violation.findUnique({
            where: { unitId_externalRef: { unitId: place.unitId, externalRef: input.externalRef } },
            select: { id: true, contentHash: true },
          })
        : null,
    load: (tx, id) => tx.violation.findUnique({ where: { id } }),
  });
}
