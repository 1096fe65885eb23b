/**
 * Issue 13: the route × role × foreign-unit matrix, generated from the route files.
 *
 * Every `app/**\/route.ts` is imported and every HTTP method it exports is looked up in MATRIX
 * below: a route or method without an entry (or an entry without a route) fails the suite. For
 * each (route, method), with a session of a demo user built the way the session code builds it:
 * - anonymous: 401 (public routes say why they are public);
 * - every role without the route's permission (a Zhenyuan user of that role): 403;
 * - the right role of the foreign unit (Yinjiang `yj-*` users on Zhenyuan data, and Zhenyuan
 *   users on Yinjiang or Yunyang data): 403/404, no record of the other unit in the body and no
 *   audit row written (every change writes one in its transaction);
 * - the right role in scope: succeeds (2xx).
 * Lists are not refused to a foreign unit: they must answer without the other unit's records.
 */
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROLES, type Permission } from "@/lib/auth/permissions";
import {
  auditCount,
  fx,
  holds,
  makeFixtures,
  MATRIX,
  METHODS,
  rightRole,
  ROOT,
  routeFiles,
  send,
  urlOf,
  YJ_USER,
  ZY_USER,
  type Entry,
} from "./route-matrix";

vi.mock("@/lib/auth/session", async (orig) => (await import("../setup/session-mock")).sessionMock(await orig()));

beforeAll(makeFixtures, 240_000);

const keys = Object.keys(MATRIX).sort();

describe("the matrix is generated from the route files", () => {
  it("every route file and every exported method has an entry, and every entry a route", async () => {
    const found: string[] = [];
    for (const file of routeFiles()) {
      const mod = await import(path.join(ROOT, file));
      for (const m of METHODS) if (typeof mod[m] === "function") found.push(`${m} ${urlOf(file)}`);
    }
    expect(found.length).toBeGreaterThan(100);
    expect(
      keys.filter((k) => !found.includes(k)),
      "entries without a route",
    ).toEqual([]);
    expect(found.filter((k) => !keys.includes(k)).sort(), "routes without an entry in MATRIX").toEqual([]);
  });
});

describe.each(keys)("%s", (key) => {
  const e = MATRIX[key];
  if (typeof e.perm === "object" && !Array.isArray(e.perm)) {
    it(`is public: ${e.perm.public}`, () => expect(e.perm).toBeTruthy());
    return;
  }
  const perms = e.perm;
  const role = rightRole(e as Entry & { perm: Permission[] | "signed-in" });
  const request = (side: "zy" | "yj") => e.req?.(fx[side], side) ?? {};

  it("anonymous: 401", async () => {
    expect((await send(key, null, request("zy"))).status).toBe(401);
  });

  if (perms !== "signed-in") {
    const without = ROLES.filter((r) => !holds(r, perms));
    if (without.length)
      it(`roles without ${perms.join("|")} (${without.join(", ")}): 403`, async () => {
        for (const r of without) {
          const res = await send(key, ZY_USER[r], request("zy"));
          expect(res.status, `${r}: ${res.text}`).toBe(403);
        }
      });
  }

  if (e.foreign === "list") {
    it(`the right role (${role}) of a foreign unit gets none of our records`, async () => {
      const before = await auditCount();
      const res = await send(key, YJ_USER[role]!, request("zy"));
      expect(res.status, res.text).toBeLessThan(300);
      for (const v of Object.values(fx.zy)) expect(res.text).not.toContain(v);
      expect(res.text).not.toContain("/522625/");
      expect(await auditCount()).toBe(before + (key.includes("export") ? 1 : 0));
    });
  } else if (e.foreign && "none" in e.foreign) {
    it(`has no foreign-unit case: ${e.foreign.none}`, () => expect(e.foreign).toBeTruthy());
  } else if (e.req) {
    it(`the right role (${role}) of the other unit is refused, both ways, and nothing is written`, async () => {
      for (const [who, side] of [
        [YJ_USER[role]!, "zy"],
        [ZY_USER[role], "yj"],
      ] as const) {
        const before = await auditCount();
        const res = await send(key, who, request(side));
        if (e.foreignAnswer && res.status < 300) {
          e.foreignAnswer(res.text);
          continue;
        }
        expect(e.bodyRef ? [403, 404, 422] : [403, 404], `${who} on ${side}'s: ${res.text}`).toContain(res.status);
        if (res.status === 422) expect(res.text).toMatch(/not found|outside/i);
        for (const v of Object.values(fx[side])) expect(res.text).not.toContain(v);
        expect(await auditCount()).toBe(before);
      }
    });
  }

  if (e.okElsewhere) {
    it(`the right role in scope: ${e.okElsewhere}`, () => expect(e.okElsewhere).toBeTruthy());
  } else if (e.req || e.foreign === "list" || (e.foreign && "none" in e.foreign)) {
    it(`the right role (${role}) in scope succeeds`, async () => {
      const res = await send(key, e.user ?? ZY_USER[role], request("zy"));
      if (e.ok) expect(res.status, res.text).toBe(e.ok);
      else expect([200, 201, 204], res.text).toContain(res.status);
    });
  }
});
