import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { ViolationTypeInput } from "./schemas";

export const typeSelect = {
  key: true,
  nameZh: true,
  nameEn: true,
  fineMinYuan: true,
  fineMaxYuan: true,
  points: true,
  serious: true,
  auxiliaryMayRecord: true,
  active: true,
  sortOrder: true,
  licenceAction: true,
  maxDetentionDays: true,
} as const;

/** The catalogue, in display order. Anyone who records or reads violations may read it. */
export async function listViolationTypes({ actor, input = {} }: { actor: Actor; input?: { activeOnly?: boolean } }) {
  if (!["violation.view", "violation.create", "admin.catalogue"].some((p) => actor.permissions.has(p as never)))
    assertCan(actor, "violation.view");
  return db.violationType.findMany({
    where: input.activeOnly ? { active: true } : {},
    select: typeSelect,
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
}

export type ViolationTypeItem = Awaited<ReturnType<typeof listViolationTypes>>[number];

/**
 * Adds or edits a catalogue entry (admins). Keys are stable: they are in API bodies,
 * imports and reports, so an entry is retired (active = false), never renamed or deleted.
 * Existing violations keep the serious flag they were recorded with.
 */
export async function saveViolationType({
  actor,
  input,
  mode,
}: {
  actor: Actor;
  input: ViolationTypeInput;
  mode: "create" | "update";
}) {
  assertCan(actor, "admin.catalogue");
  return db.$transaction(async (tx) => {
    const before = await tx.violationType.findUnique({ where: { key: input.key }, select: typeSelect });
    if (mode === "create" && before)
      throw new AppError("CONFLICT", "records.typeKeyTaken", {
        fields: [{ path: "key", message: "records.typeKeyTaken" }],
      });
    if (mode === "update" && !before) throw new AppError("NOT_FOUND", "violation type not found");
    const saved = before
      ? await tx.violationType.update({ where: { key: input.key }, data: input, select: typeSelect })
      : await tx.violationType.create({ data: input, select: typeSelect });
    const changes = before ? diff(before, saved) : { before: undefined, after: saved };
    await writeAudit(tx, actor, {
      action: before ? "violation_type.update" : "violation_type.create",
      entity: "violation_type",
      entityId: input.key,
      ...changes,
    });
    return saved;
  });
}
