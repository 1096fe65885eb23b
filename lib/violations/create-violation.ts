import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, inScope, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createRecord, placer } from "@/lib/records/kernel";
import type { TypeRules } from "./rules";
import type { CreateViolationInput } from "./schemas";
import { violationAudit } from "./serialize";
import { violationData, violationIssues } from "./violation-data";

/** Refuses what the rules refuse: 403 when the actor may not record this at all, else 422. */
function assertMayRecord(issues: ReturnType<typeof violationIssues>, type: TypeRules | null) {
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
 * unitCode) through the kernel's placer, never from the client as such. The import
 * applies the same rules (violationIssues) and writes the same row (violationData).
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
  const [type, op] = await Promise.all([
    db.violationType.findUnique({ where: { key: input.type } }),
    input.operationId
      ? db.operation.findUnique({ where: { id: input.operationId }, select: { unitPath: true } })
      : null,
  ]);
  const operationFound = !!op && inScope(actor, op.unitPath);
  assertMayRecord(
    violationIssues({ canPenalize: can(actor, "violation.penalize"), type, operationFound, input }),
    type,
  );
  const place = await placer(actor).place(input);

  return createRecord({
    actor,
    model: "violation",
    entity: "violation",
    idempotencyKey,
    content: input,
    externalRef: input.externalRef,
    data: violationData({ actor, input, type: type!, place }),
    audit: violationAudit,
    notify: (row) => ({
      topic: "violation",
      data: { id: row.id, type: row.typeKey, lat: row.lat, lng: row.lng, occurredAt: row.occurredAt },
    }),
  });
}
