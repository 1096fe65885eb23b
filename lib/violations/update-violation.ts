import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, inScope, type Actor } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { ViolationStatus } from "@/lib/records/enums";
import { lockInScope } from "@/lib/records/kernel";
import { mayStep, penaltyIssues } from "./rules";
import type { UpdateViolationInput } from "./schemas";
import { violationAudit } from "./serialize";

const EDITABLE = [
  "address",
  "roadName",
  "plate",
  "plateColor",
  "vehicleType",
  "driverName",
  "driverIdNumber",
  "licenceNumber",
  "operationId",
  "notes",
] as const;
const PENALTY = ["fineYuan", "points", "licenceSeized", "detentionDays"] as const;

/**
 * Corrects a violation or moves its status (recorded → notified → closed). Fields left
 * out stay as they are; penalty changes need violation.penalize. With expectedUpdatedAt,
 * an edit made on a stale copy is refused (409) instead of silently overwriting.
 */
export async function updateViolation({ actor, input }: { actor: Actor; input: UpdateViolationInput }) {
  assertCan(actor, "violation.update");
  return db.$transaction(async (tx) => {
    // Two editors of one record are served one after the other.
    const v = await lockInScope({
      tx,
      actor,
      table: "violations",
      id: input.id,
      read: (where) => tx.violation.findFirst({ where, include: { type: true } }),
    });
    if (input.expectedUpdatedAt && v.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
      throw new AppError("CONFLICT", "records.staleEdit", { details: { updatedAt: v.updatedAt.toISOString() } });
    }
    const data: Record<string, unknown> = {};
    for (const k of EDITABLE) if (input[k] !== undefined) data[k] = input[k];
    const penalty = PENALTY.filter((k) => input[k] !== undefined && input[k] !== v[k]);
    if (penalty.length) {
      if (!can(actor, "violation.penalize")) {
        throw new AppError("FORBIDDEN", "records.noPenaltyPermission", {
          fields: penalty.map((path) => ({ path, message: "records.noPenaltyPermission" })),
        });
      }
      if (v.status === "revoked") throw new AppError("CONFLICT", "records.revokedNoPenalty");
      const issues = penaltyIssues(v.type, { fineYuan: input.fineYuan, detentionDays: input.detentionDays });
      if (issues.length) throw new AppError("INVALID", "invalid input", { fields: issues });
      for (const k of penalty) data[k] = input[k];
    }
    if (input.operationId) {
      const op = await tx.operation.findUnique({ where: { id: input.operationId }, select: { unitPath: true } });
      if (!op || !inScope(actor, op.unitPath))
        throw new AppError("INVALID", "invalid input", {
          fields: [{ path: "operationId", message: "records.operationNotFound" }],
        });
    }
    if (input.status && input.status !== v.status) {
      if (!mayStep(v.status as ViolationStatus, input.status)) {
        throw new AppError("CONFLICT", "records.statusStep", {
          details: { from: v.status, to: input.status },
          fields: [{ path: "status", message: "records.statusStep" }],
        });
      }
      data.status = input.status;
    }
    const before: Record<string, unknown> = Object.fromEntries(
      Object.keys(data).map((k) => [k, v[k as keyof typeof v]]),
    );
    const changes = diff(before, data);
    if (!Object.keys(changes.after).length) return v;
    const updated = await tx.violation.update({ where: { id: v.id }, data });
    await writeAudit(tx, actor, {
      action: data.status ? `violation.${data.status}` : "violation.update",
      entity: "violation",
      entityId: v.id,
      before: violationAudit(changes.before),
      after: violationAudit(changes.after),
      unitId: v.unitId,
      unitPath: v.unitPath,
    });
    return updated;
  });
}
