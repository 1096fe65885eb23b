import "server-only";
import { db } from "@/lib/db";
import { assertInScope, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { brigadeCodeOf } from "@/lib/units/brigade";

export interface Reporter {
  id: string;
  name: string;
  role: string;
  unit: { id: string; code: string; path: string; nameZh: string; nameEn: string };
  brigadeId: string;
}

/**
 * Whose position or SOS this is. A signed-in person reports their own (naming someone
 * else is refused); a device token must name a person inside the token's unit.
 */
export async function reporterFor({ actor, userId }: { actor: Actor; userId: string | undefined }): Promise<Reporter> {
  let id: string;
  if (actor.kind === "user") {
    if (userId && userId !== actor.userId) throw new AppError("FORBIDDEN", "duty.reportForOthers");
    id = actor.userId!;
  } else {
    if (!userId)
      throw new AppError("INVALID", "validation.required", {
        fields: [{ path: "userId", message: "validation.required" }],
      });
    id = userId;
  }
  const u = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      displayName: true,
      role: true,
      active: true,
      unit: { select: { id: true, code: true, path: true, kind: true, nameZh: true, nameEn: true } },
    },
  });
  if (!u) throw new AppError("NOT_FOUND", "person not found");
  assertInScope(actor, u.unit.path, "person");
  if (!u.active) throw new AppError("FORBIDDEN", "person disabled");
  const brigadeCode = brigadeCodeOf(u.unit);
  if (!brigadeCode) throw new AppError("INVALID", "duty.validation.noBrigade");
  const brigade =
    brigadeCode === u.unit.code
      ? { id: u.unit.id }
      : await db.unit.findUniqueOrThrow({ where: { code: brigadeCode }, select: { id: true } });
  return {
    id: u.id,
    name: u.displayName,
    role: u.role,
    unit: { id: u.unit.id, code: u.unit.code, path: u.unit.path, nameZh: u.unit.nameZh, nameEn: u.unit.nameEn },
    brigadeId: brigade.id,
  };
}
