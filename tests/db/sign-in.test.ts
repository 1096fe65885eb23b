/** Lockout after 5 failures, identical answers for unknown users, sessions ended by changes. */
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userFromSessionToken } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { setUserActive, updateUser } from "@/lib/users/write-users";
import { actorFor } from "../setup/actors";

const meta = { ip: "10.0.0.1", requestId: "t" };
const PASSWORD = "TrafficOps-demo-2026";

async function token(uid: string, sv: number, ageS = 0) {
  const now = Math.floor(Date.now() / 1000);
  return encode({
    token: { uid, sv, authTime: now - ageS, lastSeen: now },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 1800,
  });
}

describe("sign-in", () => {
  it("accepts the right password and resets the failure counter", async () => {
    await expect(verifyCredentials("ZY-Commander", PASSWORD, meta)).resolves.toMatchObject({
      username: "zy-commander",
    });
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    for (let i = 0; i < 4; i++) await expect(verifyCredentials("zy-aux", "wrong-password", meta)).resolves.toBeNull();
    let u = await db.user.findUniqueOrThrow({ where: { username: "zy-aux" } });
    expect(u.failedLoginCount).toBe(4);
    expect(u.lockedUntil).toBeNull();
    await expect(verifyCredentials("zy-aux", "wrong-password", meta)).resolves.toBeNull();
    u = await db.user.findUniqueOrThrow({ where: { username: "zy-aux" } });
    const minutes = (u.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
    await expect(verifyCredentials("zy-aux", PASSWORD, meta)).resolves.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.locked", entityId: u.id } })).toBe(1);
    // When the lock has passed, the right password works again.
    await db.user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(verifyCredentials("zy-aux", PASSWORD, meta)).resolves.not.toBeNull();
  });

  it("counts concurrent failures exactly (no lost increments)", async () => {
    await Promise.all(Array.from({ length: 5 }, () => verifyCredentials("zy-officer", "nope-nope-nope", meta)));
    const u = await db.user.findUniqueOrThrow({ where: { username: "zy-officer" } });
    expect(u.lockedUntil).not.toBeNull();
  });

  it("answers unknown users the same way, taking about as long", async () => {
    const time = async (name: string) => {
      const t0 = performance.now();
      const r = await verifyCredentials(name, "wrong-password", meta);
      return { r, ms: performance.now() - t0 };
    };
    await time("nobody-warmup");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await time("yj-clerk");
      const b = await time(`nobody-${i}`);
      expect(a.r).toBeNull();
      expect(b.r).toBeNull();
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ratio = avg(unknown) / avg(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("ends sessions when the user is disabled, changes role, or passes 12 hours", async () => {
    const admin = await actorFor("admin");
    const u = await db.user.findUniqueOrThrow({ where: { username: "zy-duty" } });
    const t1 = await token(u.id, u.sessionVersion);
    await expect(userFromSessionToken(t1, meta)).resolves.toMatchObject({ username: "zy-duty", role: "DUTY_OFFICER" });
    await expect(userFromSessionToken(await token(u.id, u.sessionVersion, 12 * 3600 + 5), meta)).resolves.toBeNull();

    await updateUser({
      actor: admin,
      input: { id: u.id, displayName: u.displayName, role: "OFFICER", unitCode: "522625" },
    });
    await expect(userFromSessionToken(t1, meta)).resolves.toBeNull();

    const v = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    const t2 = await token(u.id, v.sessionVersion);
    await expect(userFromSessionToken(t2, meta)).resolves.toMatchObject({ role: "OFFICER" });
    await setUserActive({ actor: admin, input: { id: u.id, active: false } });
    await expect(userFromSessionToken(t2, meta)).resolves.toBeNull();
    await expect(verifyCredentials("zy-duty", PASSWORD, meta)).resolves.toBeNull();
  });
});
