import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/auth/origin";
import { permissionsOf, PERMISSIONS, ROLES, TOKEN_PERMISSIONS } from "@/lib/auth/permissions";
import { claimsValid } from "@/lib/auth/session-config";
import { decodeCursor, encodeCursor } from "@/lib/pagination";

const h = (o: Record<string, string>) => new Headers(o);

describe("same-origin rule for cookie-authenticated writes", () => {
  it("accepts our own origin and refuses missing, null and foreign ones", () => {
    expect(() =>
      assertSameOrigin("POST", h({ host: "app.local:3000", origin: "http://app.local:3000" })),
    ).not.toThrow();
    expect(() => assertSameOrigin("POST", h({ host: "app.local:3000" }))).toThrow(/cross-origin/);
    expect(() => assertSameOrigin("POST", h({ host: "app.local:3000", origin: "null" }))).toThrow(/cross-origin/);
    expect(() => assertSameOrigin("DELETE", h({ host: "app.local:3000", origin: "http://evil.example" }))).toThrow(
      /cross-origin/,
    );
    expect(() => assertSameOrigin("GET", h({ host: "app.local:3000" }))).not.toThrow();
  });
});

describe("permission matrix", () => {
  it("gives every role only known permissions, and admins all of them", () => {
    for (const r of ROLES) for (const p of permissionsOf(r)) expect(PERMISSIONS).toContain(p);
    expect([...permissionsOf("ADMIN")].sort()).toEqual([...PERMISSIONS].sort());
  });
  it("holds each role's exact permission set (the groups in lib/auth/permissions.ts compose these, nothing more)", () => {
    // Written out in full so that a change to a shared group shows here as the roles it changes.
    const expected: Record<string, string[]> = {
      COMMANDER: [
        "accident.create",
        "accident.update",
        "accident.view",
        "appeal.decide",
        "appeal.file",
        "beat.manage",
        "beat.view",
        "blackspot.measure",
        "dashboard.view",
        "field.use",
        "grid.manage",
        "grid.view",
        "hazard.manage",
        "hazard.view",
        "idcard.reveal",
        "incident.caller",
        "incident.create",
        "incident.dispatch",
        "incident.view",
        "keyvehicle.manage",
        "keyvehicle.view",
        "map.view",
        "operation.manage",
        "operation.view",
        "personnel.contact",
        "records.export",
        "records.import",
        "report.view",
        "sos.handle",
        "unit.view",
        "violation.create",
        "violation.penalize",
        "violation.update",
        "violation.view",
        "window.supervise",
        "window.view",
      ],
      DUTY_OFFICER: [
        "accident.view",
        "beat.manage",
        "beat.view",
        "dashboard.view",
        "field.use",
        "grid.manage",
        "grid.view",
        "hazard.view",
        "incident.caller",
        "incident.create",
        "incident.dispatch",
        "incident.view",
        "map.view",
        "operation.view",
        "personnel.contact",
        "sos.handle",
        "unit.view",
        "violation.view",
      ],
      CLERK: ["idcard.reveal", "window.serve", "window.view"],
      OFFICER: [
        "accident.create",
        "accident.update",
        "accident.view",
        "appeal.file",
        "beat.view",
        "field.use",
        "hazard.manage",
        "hazard.view",
        "incident.respond",
        "map.view",
        "operation.view",
        "position.report",
        "sos.raise",
        "violation.create",
        "violation.penalize",
        "violation.view",
      ],
      AUXILIARY: [
        "accident.view",
        "beat.view",
        "field.use",
        "hazard.view",
        "incident.respond",
        "map.view",
        "position.report",
        "sos.raise",
        "violation.create",
        "violation.view",
      ],
      LEGAL: ["accident.view", "appeal.decide", "idcard.reveal", "report.view", "violation.view"],
    };
    for (const [role, perms] of Object.entries(expected))
      expect([...permissionsOf(role as (typeof ROLES)[number])].sort(), role).toEqual(perms);
  });
  it("keeps auxiliaries from penalising and clerks from enforcement records", () => {
    expect(permissionsOf("AUXILIARY")).toContain("violation.create");
    expect(permissionsOf("AUXILIARY")).not.toContain("violation.penalize");
    expect(permissionsOf("CLERK")).not.toContain("violation.create");
    expect(TOKEN_PERMISSIONS.some((p) => p.startsWith("admin."))).toBe(false);
  });
});

describe("session limits", () => {
  const now = 1_800_000_000;
  it("expires after 30 idle minutes and 12 hours in all", () => {
    expect(claimsValid({ uid: "u", sv: 1, sid: "s", authTime: now - 60, lastSeen: now - 60 }, now)).toBe(true);
    expect(claimsValid({ uid: "u", sv: 1, sid: "s", authTime: now - 60, lastSeen: now - 31 * 60 }, now)).toBe(false);
    expect(claimsValid({ uid: "u", sv: 1, sid: "s", authTime: now - 12 * 3600 - 1, lastSeen: now }, now)).toBe(false);
    expect(claimsValid({ uid: "u", sv: 1, authTime: now - 60, lastSeen: now - 60 }, now)).toBe(false);
    expect(claimsValid({ uid: "u" }, now)).toBe(false);
    // a live stream ignores the idle limit, never the absolute one
    expect(
      claimsValid({ uid: "u", sv: 1, sid: "s", authTime: now - 60, lastSeen: now - 31 * 60 }, now, { idle: false }),
    ).toBe(true);
  });
});

describe("cursors", () => {
  it("round-trip and reject garbage", () => {
    const id = "0190f5a2-7c3b-7d4e-8f00-123456789abc";
    const c = encodeCursor(new Date("2026-01-02T03:04:05Z"), id);
    expect(decodeCursor(c)).toEqual({ sortValue: "2026-01-02T03:04:05.000Z", id });
    expect(decodeCursor("not-a-cursor")).toBeNull();
    // Only ids the server could have made (every id is a UUID), no NUL in a text sort value.
    expect(decodeCursor(encodeCursor("2026", "abc"))).toBeNull();
    expect(decodeCursor(encodeCursor("a\u0000b", id))).toBeNull();
  });
});
