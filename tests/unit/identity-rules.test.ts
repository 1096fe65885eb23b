/** Pure rules of sign-in: the password policy, TOTP codes and steps, recovery codes, callback paths. */
import { describe, expect, it } from "vitest";
import { afterSignInPath } from "@/lib/auth/callback";
import { DEMO_PASSWORD } from "@/lib/auth/deployment";
import { passwordProblem } from "@/lib/auth/password-policy";
import {
  checkTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpStep,
  totpUri,
} from "@/lib/auth/totp";

describe("password policy", () => {
  it.each([
    ["Abcdefgh123", "validation.passwordShort"],
    ["abcdefghijklmn", "validation.passwordWeak"],
    [DEMO_PASSWORD, "validation.passwordDemo"],
    ["Password12345", "validation.passwordCommon"],
    ["qwerty123456", "validation.passwordCommon"],
    ["Zhang-san-pass-1", "validation.passwordUsername"],
    ["Guizhou-first-admin-2026", null],
  ])("%s → %s", (pw, expected) => {
    expect(passwordProblem(pw, "zhang-san")).toBe(expected);
  });
});

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's SHA-1 test vector at 59 s", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 → 94287082 (8 digits) → 287082 (6).
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(secret, 59_000)).toBe("287082");
  });

  it("accepts the current and adjacent steps once each, nothing older than the last one used", () => {
    const s = newTotpSecret();
    const now = Date.now();
    const step = checkTotp(s, totpCode(s, now), null, now);
    expect(step).toBe(totpStep(now));
    expect(checkTotp(s, totpCode(s, now), step, now)).toBeNull();
    expect(checkTotp(s, totpCode(s, now + 30_000), step, now)).toBe(step! + 1);
    expect(checkTotp(s, totpCode(s, now - 90_000), null, now)).toBeNull();
    expect(checkTotp(s, "12345", null, now)).toBeNull();
  });

  it("puts the username and issuer in the otpauth URI", () => {
    expect(totpUri(newTotpSecret(), "zy-commander")).toMatch(
      /^otpauth:\/\/totp\/TrafficOps:zy-commander\?.*issuer=TrafficOps/,
    );
  });

  it("makes ten distinct recovery codes whose hash ignores case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(hashRecoveryCode(codes[0].toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]));
  });
});

describe("after sign-in", () => {
  it("keeps local paths only", () => {
    expect(afterSignInPath("/reports/522625/2019")).toBe("/reports/522625/2019");
    expect(afterSignInPath(["/map", "/x"])).toBe("/map");
    for (const bad of [
      "/\\evil.example",
      "//evil.example",
      "/%5Cevil.example".replace("%5C", "\\"),
      "http://x",
      "",
      undefined,
    ])
      expect(afterSignInPath(bad)).toBeNull();
  });
});
