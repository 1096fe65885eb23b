/**
 * The second factor (TOTP, RFC 6238) and the sign-in steps: ADMIN and COMMANDER enrol at
 * first sign-in (demo accounts exempt outside production), codes are accepted once,
 * recovery codes once each, an administrator can reset the factor (audited), a password
 * someone else chose is changed first.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { changeOwnPassword, confirmEnrolment, startEnrolment, verifySecondFactor } from "@/lib/auth/account";
import { sessionFromToken } from "@/lib/auth/session";
import { totpCode } from "@/lib/auth/totp";
import { resetSecondFactor } from "@/lib/users/write-users";
import { actorFor } from "../setup/actors";
import { makePerson, PASSWORD, sessionToken, signInToken } from "../setup/sessions";

const meta = { ip: "10.9.0.1", requestId: "t" };
const code = (e: unknown) => (e as { code?: string }).code;
afterEach(() => vi.unstubAllEnvs());

async function stateOf(token: string) {
  return sessionFromToken(token, meta);
}

/** Enrols a person (as the enrolment page and its action do) and returns the secret and recovery codes. */
async function enrol(username: string) {
  const actor = await actorFor(username);
  const e = await startEnrolment({ actor });
  const { recoveryCodes } = await confirmEnrolment({ actor, input: { sealed: e.sealed, code: totpCode(e.secret) } });
  return { secret: e.secret, recoveryCodes, actor };
}

describe("second factor", () => {
  it("a commander with their own password must enrol before the session opens anything", async () => {
    const p = await makePerson("COMMANDER");
    const s = await stateOf(await signInToken(p.username, p.password));
    expect(s?.stage).toBe("enrol");
    // An officer need not.
    const o = await makePerson("OFFICER");
    expect((await stateOf(await signInToken(o.username, o.password)))?.stage).toBeNull();
  });

  it("demo accounts are exempt outside production only", async () => {
    const token = await signInToken("zy-commander", PASSWORD);
    expect((await stateOf(token))?.stage).toBeNull();
    vi.stubEnv("NODE_ENV", "production");
    expect((await stateOf(token))?.stage).toBe("enrol");
    vi.stubEnv("TRAFFICOPS_DEMO", "1"); // the e2e and measurement servers
    expect((await stateOf(token))?.stage).toBeNull();
  });

  it("enrolment stores the secret encrypted; a new session then asks for a code, accepted once", async () => {
    const p = await makePerson("ADMIN", "520000");
    const { secret, actor } = await enrol(p.username);
    const row = await db.user.findUniqueOrThrow({ where: { id: p.id }, omit: { totpSecret: false } });
    expect(row.totpSecret).toBeTruthy();
    expect(row.totpSecret).not.toContain(secret);
    expect(await db.auditLog.count({ where: { action: "auth.totp_enrol", entityId: p.id } })).toBe(1);

    const token = await signInToken(p.username, p.password);
    expect((await stateOf(token))?.stage).toBe("totp");
    // A code of the next step (clock drift) is accepted once; the same code again is refused.
    const next = totpCode(secret, Date.now() + 30_000);
    await expect(verifySecondFactor({ actor, input: { code: next } })).resolves.toEqual({ method: "totp" });
    await expect(verifySecondFactor({ actor, input: { code: next } }).catch(code)).resolves.toBe("INVALID");
    const s = await stateOf(token);
    expect((await stateOf(await sessionToken({ ...s!.claims, mfa: true })))?.stage).toBeNull();
  });

  it("a recovery code works once; wrong codes lock the step after five", async () => {
    const p = await makePerson("COMMANDER");
    const { recoveryCodes, actor } = await enrol(p.username);
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.userRecoveryCode.count({ where: { userId: p.id, codeHash: { in: recoveryCodes } } })).toBe(0);
    await expect(verifySecondFactor({ actor, input: { code: recoveryCodes[3].toUpperCase() } })).resolves.toEqual({
      method: "recovery",
    });
    await expect(verifySecondFactor({ actor, input: { code: recoveryCodes[3] } }).catch(code)).resolves.toBe("INVALID");
    for (let i = 0; i < 4; i++)
      await expect(verifySecondFactor({ actor, input: { code: "000000" } }).catch(code)).resolves.toBe("INVALID");
    await expect(verifySecondFactor({ actor, input: { code: recoveryCodes[0] } }).catch(code)).resolves.toBe(
      "RATE_LIMITED",
    );
  });

  it("an administrator resets a lost factor (audited, sessions end); others may not", async () => {
    const p = await makePerson("COMMANDER");
    await enrol(p.username);
    const token = await signInToken(p.username, p.password);
    await expect(
      resetSecondFactor({ actor: await actorFor("zy-commander"), input: { id: p.id } }).catch(code),
    ).resolves.toBe("FORBIDDEN");
    await expect(
      resetSecondFactor({ actor: await actorFor("cq-admin"), input: { id: p.id } }).catch(code),
    ).resolves.toBe("NOT_FOUND");
    await resetSecondFactor({ actor: await actorFor("admin"), input: { id: p.id } });
    expect(await stateOf(token)).toBeNull();
    expect(await db.userRecoveryCode.count({ where: { userId: p.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "user.reset_totp", entityId: p.id } })).toBe(1);
    expect((await stateOf(await signInToken(p.username, p.password)))?.stage).toBe("enrol");
  });

  it("a password someone else chose is changed first, under the policy", async () => {
    const p = await makePerson("OFFICER", "522625", { mustChangePassword: true });
    const token = await signInToken(p.username, p.password);
    const s = await stateOf(token);
    expect(s?.stage).toBe("password");
    const change = (newPassword: string, currentPassword = p.password) =>
      changeOwnPassword({ actor: s!.user, sessionId: s!.claims.sid, input: { currentPassword, newPassword } }).catch(
        (e) => e.fields?.[0]?.message ?? e.message,
      );
    await expect(change("short-1")).resolves.toBe("validation.passwordShort");
    await expect(change(PASSWORD)).resolves.toBe("validation.passwordDemo");
    await expect(change("Password12345")).resolves.toBe("validation.passwordCommon");
    await expect(change(`${p.username}-Extra-9`)).resolves.toBe("validation.passwordUsername");
    await expect(change("A-fine-new-pass-77", "not-the-current")).resolves.toBe("validation.currentPasswordWrong");
    const { sessionVersion } = await changeOwnPassword({
      actor: s!.user,
      sessionId: s!.claims.sid,
      input: { currentPassword: p.password, newPassword: "A-fine-new-pass-77" },
    });
    expect((await stateOf(await sessionToken({ ...s!.claims, sv: sessionVersion })))?.stage).toBeNull();
    expect(await stateOf(token)).toBeNull(); // the old version is gone
  });
});
