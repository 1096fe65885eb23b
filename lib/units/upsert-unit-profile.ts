import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { UnitProfileInput } from "./schemas";

export async function upsertUnitProfile({ actor, input }: { actor: Actor; input: UnitProfileInput }) {
  assertCan(actor, "admin.units");
  const { code, year, ...figures } = input;
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code }, select: { id: true, path: true } });
    if (!unit) throw new AppError("NOT_FOUND", "unit not found");
    assertInScope(actor, unit.path, "unit");
    const before = await tx.unitProfile.findUnique({ where: { unitId_year: { unitId: unit.id, year } } });
    const data = {
      population: figures.population ?? null,
      roadKm: figures.roadKm ?? null,
      vehicles: figures.vehicles ?? null,
      drivers: figures.drivers ?? null,
      police: figures.police ?? null,
      auxiliaries: figures.auxiliaries ?? null,
    };
    const profile = await tx.unitProfile.upsert({
      where: { unitId_year: { unitId: unit.id, year } },
      create: { unitId: unit.id, year, ...data },
      update: data,
    });
    await writeAudit(tx, actor, {
      action: "unit.profile",
      entity: "unit_profile",
      entityId: profile.id,
      before,
      after: profile,
      unitId: unit.id,
      unitPath: unit.path,
    });
    return profile;
  });
}
