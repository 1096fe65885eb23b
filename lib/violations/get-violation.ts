import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertCan as need, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { violationListSelect } from "./list-violations";
import { idOrNotFound } from "@/lib/validation";

/** One violation in scope with its type, operation, appeal and recorder; 404 outside scope. */
export async function getViolation({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "violation.view");
  idOrNotFound(id, "violation");
  const v = await db.violation.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    select: {
      ...violationListSelect,
      unitPath: true,
      brigadeId: true,
      type: {
        select: {
          key: true,
          nameZh: true,
          nameEn: true,
          fineMinYuan: true,
          fineMaxYuan: true,
          points: true,
          licenceAction: true,
          maxDetentionDays: true,
        },
      },
      operation: { select: { id: true, name: true, kind: true } },
      appeal: true,
    },
  });
  if (!v) throw new AppError("NOT_FOUND", "violation not found");
  const recorder = v.recordedById
    ? await db.user.findUnique({ where: { id: v.recordedById }, select: { displayName: true, badgeNumber: true } })
    : v.recordedByTokenId
      ? await db.apiToken
          .findUnique({ where: { id: v.recordedByTokenId }, select: { name: true } })
          .then((t) => (t ? { displayName: t.name, badgeNumber: null } : null))
      : null;
  return { ...v, recorder };
}

/**
 * The full ID-card and licence numbers of a violation's driver, for someone allowed to see
 * them. Every reveal is an audit row (violation.reveal_id), written before they are returned.
 */
export async function revealViolationId({ actor, input }: { actor: Actor; input: { id: string } }) {
  need(actor, "idcard.reveal");
  const v = await getViolation({ actor, id: input.id });
  if (!v.driverIdNumber && !v.licenceNumber) return { idNumber: null, licenceNumber: null };
  await db.$transaction(async (tx) => {
    await writeAudit(tx, actor, {
      action: "violation.reveal_id",
      entity: "violation",
      entityId: v.id,
      unitId: v.unitId,
      unitPath: v.unitPath,
    });
  });
  return { idNumber: v.driverIdNumber, licenceNumber: v.licenceNumber };
}
