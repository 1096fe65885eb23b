import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { lockInScope } from "@/lib/records/kernel";
import { deriveSeverity } from "./rules";
import type { UpdateAccidentInput } from "./schemas";

const EDITABLE = [
  "address",
  "roadName",
  "roadType",
  "weather",
  "cause",
  "deaths",
  "injured",
  "propertyLossYuan",
  "rescueFundYuan",
  "hitAndRunSolved",
  "handling",
  "status",
  "notes",
] as const;

/**
 * Updates an accident: a casualty count that changed (an injured person who died within
 * seven days makes it fatal), a hit-and-run solved, a case closed. Severity follows the
 * counts; a stale copy (expectedUpdatedAt) is refused with 409.
 */
export async function updateAccident({ actor, input }: { actor: Actor; input: UpdateAccidentInput }) {
  assertCan(actor, "accident.update");
  return db.$transaction(async (tx) => {
    const a = await lockInScope({
      tx,
      actor,
      table: "accidents",
      id: input.id,
      read: (where) => tx.accident.findFirst({ where }),
    });
    if (input.expectedUpdatedAt && a.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
      throw new AppError("CONFLICT", "records.staleEdit", { details: { updatedAt: a.updatedAt.toISOString() } });
    }
    const data: Record<string, unknown> = {};
    for (const k of EDITABLE) if (input[k] !== undefined) data[k] = input[k];
    if (data.hitAndRunSolved && !a.hitAndRun)
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "hitAndRunSolved", message: "records.validation.solvedWithoutHitAndRun" }],
      });
    const derived = deriveSeverity(
      (data.deaths as number | undefined) ?? a.deaths,
      (data.injured as number | undefined) ?? a.injured,
    );
    data.severity = derived.severity;
    data.major = derived.major;
    const before: Record<string, unknown> = Object.fromEntries(
      Object.keys(data).map((k) => [k, a[k as keyof typeof a]]),
    );
    const changes = diff(before, data);
    if (!Object.keys(changes.after).length) return a;
    const updated = await tx.accident.update({ where: { id: a.id }, data });
    await writeAudit(tx, actor, {
      action: data.status === "closed" && a.status !== "closed" ? "accident.close" : "accident.update",
      entity: "accident",
      entityId: a.id,
      ...changes,
      unitId: a.unitId,
      unitPath: a.unitPath,
    });
    return updated;
  });
}
