import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { mayContain, type MoveUnitInput } from "./schemas";

/**
 * Moves a unit (with everything below it) under another parent of the right level, both
 * inside the actor's scope. Paths of the subtree and of every fact row under it are
 * rewritten in the same transaction (repath_units in the first migration).
 */
export async function moveUnit({ actor, input }: { actor: Actor; input: MoveUnitInput }) {
  assertCan(actor, "admin.units");
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code: input.code } });
    const parent = await tx.unit.findUnique({ where: { code: input.newParentCode } });
    if (!unit) throw new AppError("NOT_FOUND", "unit not found");
    if (!parent) throw new AppError("NOT_FOUND", "new parent not found");
    assertInScope(actor, unit.path, "unit");
    assertInScope(actor, parent.path, "new parent");
    const field = (message: string) =>
      new AppError("INVALID", message, { fields: [{ path: "newParentCode", message }] });
    if (unit.path === actor.unitPath) throw field("you cannot move your own unit");
    if (parent.path.startsWith(unit.path)) throw field("a unit cannot move under itself");
    if (!mayContain(parent.kind, unit.kind))
      throw field(`a ${unit.kind.toLowerCase()} cannot sit under a ${parent.kind.toLowerCase()}`);
    if (unit.parentId === parent.id) return unit;

    const newPath = `${parent.path}${unit.code}/`;
    await tx.$executeRaw`SELECT repath_units(${unit.path}, ${newPath}, ${unit.kind === "SQUAD" ? parent.id : null}::uuid)`;
    const moved = await tx.unit.update({ where: { id: unit.id }, data: { parentId: parent.id } });
    await writeAudit(tx, actor, {
      action: "unit.move",
      entity: "unit",
      entityId: unit.id,
      before: { path: unit.path, parentId: unit.parentId },
      after: { path: newPath, parentId: parent.id },
      unitId: unit.id,
      unitPath: newPath,
    });
    return moved;
  });
}
