import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { metaFromHeaders, SYSTEM_META, type RequestMeta } from "@/lib/request-meta";
import { userActor, type SessionUser } from "./actor";
import { clearSignInFailures, recordSignInFailure, signInBlocked } from "./limits";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { open, seal } from "./secret-box";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from "./totp";

/**
 * A person's own account: sign-out (this session or everywhere), password change, the
 * second factor (enrol, check, recovery codes). Administrators' counterparts are in
 * lib/users/write-users.ts.
 */

const SECRET_PURPOSE = "totp-secret";
const ENROL_PURPOSE = "totp-enrol";
const ENROL_TTL_MS = 15 * 60_000;

const unitSelect = { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } as const;

async function requestMeta(): Promise<RequestMeta> {
  try {
    return metaFromHeaders(await headers());
  } catch {
    return SYSTEM_META; // outside a request (scripts, tests)
  }
}

/** Signing out: this session ends on the server (a copied cookie stops working). */
export async function endSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  const meta = await requestMeta();
  await db.$transaction(async (tx) => {
    const ended = await tx.authSession.updateMany({
      where: { id: sessionId, userId, endedAt: null },
      data: { endedAt: new Date() },
    });
    if (ended.count === 0) return;
    const user = await tx.user.findUnique({ where: { id: userId }, include: { unit: unitSelect } });
    if (!user) return;
    await writeAudit(tx, userActor(user, meta), {
      action: "auth.logout",
      entity: "user",
      entityId: user.id,
      unitId: user.unitId,
      unitPath: user.unit.path,
    });
  });
}

/** Every session of the user ends (session version bump); used by the person and by administrators. */
export async function endAllSessions(tx: Tx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.authSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
}

export async function signOutEverywhere({ actor }: { actor: SessionUser }) {
  await db.$transaction(async (tx) => {
    await endAllSessions(tx, actor.userId);
    await writeAudit(tx, actor, { action: "auth.sign_out_everywhere", entity: "user", entityId: actor.userId });
  });
}

/**
 * Changes the person's own password (the current one is asked again). Other sessions
 * end; the caller re-issues this session's cookie with the returned session version.
 */
export async function changeOwnPassword({
  actor,
  sessionId,
  input,
}: {
  actor: SessionUser;
  sessionId: string;
  input: { currentPassword: string; newPassword: string };
}): Promise<{ sessionVersion: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID", "validation.currentPasswordWrong", {
      fields: [{ path: "currentPassword", message: "validation.currentPasswordWrong" }],
    });
  }
  const problem =
    passwordProblem(input.newPassword, user.username) ??
    (input.newPassword === input.currentPassword ? "validation.passwordSame" : null);
  if (problem) throw new AppError("INVALID", problem, { fields: [{ path: "newPassword", message: problem }] });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await tx.authSession.updateMany({
      where: { userId: user.id, endedAt: null, id: { not: sessionId } },
      data: { endedAt: new Date() },
    });
    await writeAudit(tx, actor, { action: "auth.password_change", entity: "user", entityId: user.id });
    return updated;
  });
}

export interface Enrolment {
  /** The secret, base32, for typing into an app that cannot scan. */
  secret: string;
  /** The secret sealed for the confirmation round trip (bound to the user, 15 minutes). */
  sealed: string;
  /** The QR code of the otpauth:// URI, as SVG markup made here (no outside service). */
  qrSvg: string;
}

/** A new secret to enrol; nothing is stored until a code from it is confirmed. */
export async function startEnrolment({ actor }: { actor: SessionUser }): Promise<Enrolment> {
  const secret = newTotpSecret();
  const sealed = seal(ENROL_PURPOSE, JSON.stringify({ u: actor.userId, s: secret, exp: Date.now() + ENROL_TTL_MS }));
  const qrSvg = await QRCode.toString(totpUri(secret, actor.username), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 1,
  });
  return { secret, sealed, qrSvg };
}

async function storeRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.userRecoveryCode.deleteMany({ where: { userId } });
  await tx.userRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

/** Confirms an enrolment with a code from the app; returns the recovery codes (shown once). */
export async function confirmEnrolment({
  actor,
  input,
}: {
  actor: SessionUser;
  input: { sealed: string; code: string };
}): Promise<{ recoveryCodes: string[] }> {
  const plain = open(ENROL_PURPOSE, input.sealed);
  const box = plain ? (JSON.parse(plain) as { u: string; s: string; exp: number }) : null;
  if (!box || box.u !== actor.userId || box.exp < Date.now()) {
    throw new AppError("INVALID", "auth.enrolExpired", { fields: [{ path: "code", message: "auth.enrolExpired" }] });
  }
  const u = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
  // A factor is replaced only after an administrator's reset, never from a session.
  if (u.totpEnabledAt) throw new AppError("CONFLICT", "auth.alreadyEnrolled");
  const step = checkTotp(box.s, input.code, null);
  if (step === null) {
    throw new AppError("INVALID", "auth.codeWrong", { fields: [{ path: "code", message: "auth.codeWrong" }] });
  }
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { totpSecret: seal(SECRET_PURPOSE, box.s), totpEnabledAt: new Date(), totpLastStep: step },
    });
    const recoveryCodes = await storeRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, actor, { action: "auth.totp_enrol", entity: "user", entityId: actor.userId });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working). */
export async function regenerateRecoveryCodes({ actor }: { actor: SessionUser }): Promise<{ recoveryCodes: string[] }> {
  return db.$transaction(async (tx) => {
    const u = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
    if (!u.totpEnabledAt) throw new AppError("CONFLICT", "auth.notEnrolled");
    const recoveryCodes = await storeRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, actor, { action: "auth.recovery_codes", entity: "user", entityId: actor.userId });
    return { recoveryCodes };
  });
}

/**
 * The second step of signing in: a code from the app (each accepted once) or an unused
 * recovery code. Wrong codes count as failed sign-ins of the account from this address,
 * so the 6 digits cannot be guessed through.
 */
export async function verifySecondFactor({
  actor,
  input,
}: {
  actor: SessionUser;
  input: { code: string };
}): Promise<{ method: "totp" | "recovery" }> {
  const ip = actor.meta.ip;
  if ((await signInBlocked(actor.username, ip)).account) throw new AppError("RATE_LIMITED", "auth.tooManyCodes");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { totpSecret: true, totpLastStep: true },
  });
  const secret = user.totpSecret ? open(SECRET_PURPOSE, user.totpSecret) : null;
  if (!secret) throw new AppError("CONFLICT", "auth.notEnrolled");

  const code = input.code.trim();
  const last = user.totpLastStep === null ? null : Number(user.totpLastStep);
  const step = /^\d{6}$/.test(code.replace(/\s+/g, "")) ? checkTotp(secret, code, last) : null;
  const result = await db.$transaction(async (tx) => {
    if (step !== null) {
      // Only the first of two concurrent uses of one code wins.
      const won = await tx.user.updateMany({
        where: { id: actor.userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (won.count === 0) return null;
      await writeAudit(tx, actor, {
        action: "auth.mfa",
        entity: "user",
        entityId: actor.userId,
        after: { method: "totp" },
      });
      return "totp" as const;
    }
    const used = await tx.userRecoveryCode.updateMany({
      where: { userId: actor.userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count === 0) return null;
    const left = await tx.userRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
    await writeAudit(tx, actor, {
      action: "auth.mfa",
      entity: "user",
      entityId: actor.userId,
      after: { method: "recovery", recoveryCodesLeft: left },
    });
    return "recovery" as const;
  });
  if (!result) {
    await recordSignInFailure(actor.username, ip);
    await db.$transaction((tx) =>
      writeAudit(tx, actor, { action: "auth.mfa_failed", entity: "user", entityId: actor.userId }),
    );
    throw new AppError("INVALID", "auth.codeWrong", { fields: [{ path: "code", message: "auth.codeWrong" }] });
  }
  await clearSignInFailures(actor.username, ip);
  return { method: result };
}

/** How the person's second factor stands (the account page). */
export async function secondFactorStatus({ actor }: { actor: SessionUser }) {
  const [u, left] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } }),
    db.userRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  return { enabledAt: u.totpEnabledAt, recoveryCodesLeft: left };
}
