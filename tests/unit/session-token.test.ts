/**
 * The session token with its key derived once (lib/auth/session-token.ts) is next-auth's token:
 * each side reads what the other wrote, a wrong secret or a changed byte is refused, and an
 * expired token is refused after the same 15 s leeway.
 */
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-some-length-0123456789";
const claims = { uid: "8d3c2f9e-0d5b-4f2a-9c51-3a1e2b4c5d6e", sid: "x", sv: 3, lastSeen: 1_700_000_000, demo: true };

describe("session token", () => {
  it("next-auth reads ours and we read next-auth's", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 1800 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);
    const theirs = await encode({ token: claims, secret, maxAge: 1800 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(claims);
    // Same header, same lifetime claims.
    const a = (await decode({ token: ours, secret }))!;
    const b = (await decodeSessionToken({ token: theirs, secret }))!;
    expect(Number(a.exp) - Number(a.iat)).toBe(1800);
    expect(Number(b.exp) - Number(b.iat)).toBe(1800);
    expect(typeof a.jti).toBe("string");
    expect(JSON.parse(Buffer.from(ours.split(".")[0], "base64url").toString())).toEqual({ alg: "dir", enc: "A256GCM" });
  });

  it("a salt gives another key, as in next-auth", async () => {
    const salted = await encode({ token: claims, secret, salt: "s1" });
    expect(await decodeSessionToken({ token: salted, secret, salt: "s1" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
  });

  it("refuses another secret, a changed token and an expired one", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token: ours, secret: secret + "x" })).rejects.toThrow();
    await expect(decode({ token: ours, secret: secret + "x" })).rejects.toThrow();
    const parts = ours.split(".");
    const ct = Buffer.from(parts[3], "base64url");
    ct[0] ^= 1;
    parts[3] = ct.toString("base64url");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();

    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.now() + 70_000); // 60 s lifetime + 10 s: inside the 15 s leeway
      expect(await decodeSessionToken({ token: ours, secret })).toMatchObject(claims);
      vi.setSystemTime(Date.now() + 10_000); // 20 s past: refused, as next-auth refuses it
      await expect(decodeSessionToken({ token: ours, secret })).rejects.toThrow();
      await expect(decode({ token: ours, secret })).rejects.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });
});
