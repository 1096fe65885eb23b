import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { unitInScopeByCode } from "@/lib/units/read-units";
import { tokenExpiry, tokenLifetimeDays } from "./lifetime";
import type { CreateApiTokenInput } from "./schemas";
import { hashToken, newTokenSecret } from "./token-auth";

const tokenSelect = {
  id: true,
  name: true,
  permissions: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  unit: { select: { code: true, nameZh: true, nameEn: true } },
  createdBy: { select: { displayName: true } },
} as const;

/** Creates a token; the secret is returned once and only its hash is stored. */
export async function createApiToken({ actor, input }: { actor: Actor; input: CreateApiTokenInput }) {
  assertCan(actor, "admin.tokens");
  if (!actor.userId) throw new AppError("FORBIDDEN", "tokens are created by people");
  const unit = await unitInScopeByCode({ actor, code: input.unitCode });
  const expiresAt = tokenExpiry(input.expiresAt);
  if (!expiresAt) {
    const message = `validation.tokenExpiry`;
    throw new AppError("INVALID", message, {
      fields: [{ path: "expiresAt", message }],
      details: { max: tokenLifetimeDays().max },
    });
  }
  const secret = newTokenSecret();
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        name: input.name,
        unitId: unit.id,
        permissions: input.permissions,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 12),
        createdById: actor.userId!,
        expiresAt,
      },
      select: tokenSelect,
    });
    await writeAudit(tx, actor, {
      action: "api_token.create",
      entity: "api_token",
      entityId: token.id,
      after: token,
      unitId: unit.id,
      unitPath: unit.path,
    });
    return { token, secret };
  });
}

export async function revokeApiToken({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "admin.tokens");
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: input.id, unit: { path: underPath(actor.unitPath) } },
      include: { unit: true },
    });
    if (!token) throw new AppError("NOT_FOUND", "token not found");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: "api_token.revoke",
      entity: "api_token",
      entityId: token.id,
      unitId: token.unitId,
      unitPath: token.unit.path,
    });
    return revoked;
  });
}

export async function listApiTokens(actor: Actor) {
  assertCan(actor, "admin.tokens");
  return db.apiToken.findMany({
    where: { unit: { path: underPath(actor.unitPath) } },
    select: tokenSelect,
    orderBy: { createdAt: "desc" },
  });
}
