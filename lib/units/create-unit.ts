import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { mayContain, type CreateUnitInput } from "./schemas";

export async function createUnit({ actor, input }: { actor: Actor; input: CreateUnitInput }) {
  assertCan(actor, "admin.units");
  const parent = await db.unit.findUnique({ where: { code: input.parentCode } });
  if (!parent) throw new AppError("NOT_FOUND", "parent unit not found");
  assertInScope(actor, parent.path, "parent unit");
  const kind = input.kind;
  if (!mayContain(parent.kind, kind))
    throw new AppError("INVALID", `a ${parent.kind.toLowerCase()} cannot contain a ${kind.toLowerCase()}`, {
      fields: [{ path: "kind", message: "validation.invalid" }],
    });
  if (kind !== "SQUAD" && input.squadKind)
    throw new AppError("INVALID", "only squads have a squad type", {
      fields: [{ path: "squadKind", message: "validation.invalid" }],
    });

  return db.$transaction(async (tx) => {
    const exists = await tx.unit.findUnique({ where: { code: input.code }, select: { id: true } });
    if (exists)
      throw new AppError("CONFLICT", "unit code already in use", {
        fields: [{ path: "code", message: "unit code already in use" }],
      });
    const unit = await tx.unit.create({
      data: {
        code: input.code,
        parentId: parent.id,
        path: `${parent.path}${input.code}/`,
        depth: parent.depth + 1,
        kind,
        squadKind: kind === "SQUAD" ? (input.squadKind ?? "RURAL") : null,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
      },
    });
    await writeAudit(tx, actor, {
      action: "unit.create",
      entity: "unit",
      entityId: unit.id,
      after: unit,
      unitId: unit.id,
      unitPath: unit.path,
    });
    return unit;
  });
}
