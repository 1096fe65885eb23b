import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/account";
import { unlockAccount } from "@/lib/auth/limits";
import { hashPassword } from "@/lib/auth/password";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { unitInScopeByCode } from "@/lib/units/read-units";
import { userSelect } from "./list-users";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

async function loadInScope(tx: Tx, actor: Actor, id: string) {
  const user = await tx.user.findFirst({
    where: { id, unit: { path: underPath(actor.unitPath) } },
    select: userSelect,
  });
  if (!user) throw new AppError("NOT_FOUND", "user not found");
  return user;
}

function uniqueViolation(err: unknown): AppError | null {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    const target = String((err.meta as { target?: unknown })?.target ?? "");
    const field = target.includes("badge") ? "badgeNumber" : "username";
    return new AppError("CONFLICT", `${field} already in use`, {
      fields: [{ path: field, message: `${field} already in use` }],
    });
  }
  return null;
}

export async function createUser({ actor, input }: { actor: Actor; input: CreateUserInput }) {
  assertCan(actor, "admin.users");
  const unit = await unitInScopeByCode({ actor, code: input.unitCode });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          badgeNumber: input.badgeNumber ?? null,
          phone: input.phone ?? null,
          role: input.role,
          unitId: unit.id,
          passwordHash,
          // The administrator knows this password: the person chooses their own at first sign-in.
          mustChangePassword: true,
        },
        select: userSelect,
      });
      await writeAudit(tx, actor, {
        action: "user.create",
        entity: "user",
        entityId: user.id,
        after: user,
        unitId: unit.id,
        unitPath: unit.path,
      });
      return user;
    });
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

/** Edits a user. A new role or unit ends the user's sessions (session version bump). */
export async function updateUser({ actor, input }: { actor: Actor; input: UpdateUserInput }) {
  assertCan(actor, "admin.users");
  const unit = await unitInScopeByCode({ actor, code: input.unitCode });
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadInScope(tx, actor, input.id);
      if (before.id === actor.userId && (input.role !== before.role || unit.id !== before.unit.id)) {
        throw new AppError("INVALID", "you cannot change your own role or unit", {
          fields: [{ path: "role", message: "you cannot change your own role or unit" }],
        });
      }
      const next = {
        displayName: input.displayName,
        badgeNumber: input.badgeNumber ?? null,
        phone: input.phone ?? null,
        role: input.role,
        unitId: unit.id,
      };
      const endSessions = next.role !== before.role || next.unitId !== before.unit.id;
      if (endSessions) await endAllSessions(tx, before.id);
      const user = await tx.user.update({ where: { id: before.id }, data: next, select: userSelect });
      const d = diff(
        {
          displayName: before.displayName,
          badgeNumber: before.badgeNumber,
          phone: before.phone,
          role: before.role,
          unitId: before.unit.id,
        },
        next,
      );
      await writeAudit(tx, actor, {
        action: "user.update",
        entity: "user",
        entityId: user.id,
        ...d,
        unitId: unit.id,
        unitPath: unit.path,
      });
      return user;
    });
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

/** Disables (ending all sessions at once) or re-enables a user. */
export async function setUserActive({ actor, input }: { actor: Actor; input: { id: string; active: boolean } }) {
  assertCan(actor, "admin.users");
  const user = await db.$transaction(async (tx) => {
    const before = await loadInScope(tx, actor, input.id);
    if (before.id === actor.userId && !input.active) throw new AppError("INVALID", "you cannot disable yourself");
    await endAllSessions(tx, before.id);
    const user = await tx.user.update({ where: { id: before.id }, data: { active: input.active }, select: userSelect });
    await writeAudit(tx, actor, {
      action: input.active ? "user.enable" : "user.disable",
      entity: "user",
      entityId: user.id,
      before: { active: before.active },
      after: { active: user.active },
      unitId: before.unit.id,
      unitPath: before.unit.path,
    });
    return user;
  });
  if (input.active) await unlockAccount(user.username);
  return user;
}

/**
 * Sets a new password (told to the person out of band, changed by them at their next
 * sign-in), unlocks the account, ends their sessions.
 */
export async function resetPassword({ actor, input }: { actor: Actor; input: { id: string; password: string } }) {
  assertCan(actor, "admin.users");
  const passwordHash = await hashPassword(input.password);
  const out = await db.$transaction(async (tx) => {
    const before = await loadInScope(tx, actor, input.id);
    await endAllSessions(tx, before.id);
    await tx.user.update({ where: { id: before.id }, data: { passwordHash, mustChangePassword: true } });
    await writeAudit(tx, actor, {
      action: "user.reset_password",
      entity: "user",
      entityId: before.id,
      unitId: before.unit.id,
      unitPath: before.unit.path,
    });
    return { id: before.id, username: before.username };
  });
  await unlockAccount(out.username);
  return { id: out.id };
}

/** Ends every session of the user at once (a lost phone, a person leaving): they sign in again. */
export async function endUserSessions({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "admin.users");
  return db.$transaction(async (tx) => {
    const before = await loadInScope(tx, actor, input.id);
    await endAllSessions(tx, before.id);
    await writeAudit(tx, actor, {
      action: "user.end_sessions",
      entity: "user",
      entityId: before.id,
      unitId: before.unit.id,
      unitPath: before.unit.path,
    });
    return { id: before.id };
  });
}

/**
 * Removes the user's second factor and recovery codes (a lost phone): their sessions
 * end, and a role that requires the factor enrols again at the next sign-in.
 */
export async function resetSecondFactor({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "admin.users");
  return db.$transaction(async (tx) => {
    const before = await loadInScope(tx, actor, input.id);
    const had = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: { totpEnabledAt: true } });
    await endAllSessions(tx, before.id);
    await tx.user.update({
      where: { id: before.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.userRecoveryCode.deleteMany({ where: { userId: before.id } });
    await writeAudit(tx, actor, {
      action: "user.reset_totp",
      entity: "user",
      entityId: before.id,
      before: { totpEnabledAt: had.totpEnabledAt },
      unitId: before.unit.id,
      unitPath: before.unit.path,
    });
    return { id: before.id };
  });
}
