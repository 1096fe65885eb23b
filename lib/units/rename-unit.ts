import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { RenameUnitInput } from "./schemas";

export async function renameUnit({ actor, input }: { actor: Actor; input: RenameUnitInput }) {
  assertCan(actor, "admin.units");
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code: input.code } });
    if (!unit) throw new AppError("NOT_FOUND", "unit not found");
    assertInScope(actor, unit.path, "unit");
    const next = {
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      squadKind: unit.kind === "SQUAD" ? (input.squadKind ?? unit.squadKind) : null,
    };
    const updated = await tx.unit.update({ where: { id: unit.id }, data: next });
    const d = diff({ nameZh: unit.nameZh, nameEn: unit.nameEn, squadKind: unit.squadKind }, next);
    await writeAudit(tx, actor, {
      action: "unit.rename",
      entity: "unit",
      entityId: unit.id,
      ...d,
      unitId: unit.id,
      unitPath: unit.path,
    });
    return updated;
  });
}
