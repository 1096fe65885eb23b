/**
 * Issue 13: the server actions' side of the matrix. Every export of every `lib/**\/actions.ts`
 * ("use server": callable from any page by anyone who can reach the server) is found and
 * called, so a new action is covered without anyone adding it: each must refuse a caller
 * without a session (UNAUTHENTICATED, nothing done) unless NO_SESSION says why it needs none.
 * Their unit checks: foreign-unit-actions-pages.test.ts (every action × the other unit).
 */
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { actionFiles, ROOT } from "./route-matrix";

vi.mock("@/lib/auth/session", async (orig) => (await import("../setup/session-mock")).sessionMock(await orig()));
vi.mock("next/headers", async () => (await import("../setup/headers-mock")).headersMock());

/** Actions that need no complete session, and why. Every other action must refuse an anonymous caller. */
const NO_SESSION: Record<string, string> = {
  "lib/i18n/actions.ts setLocale": "the login page's language switch (a cookie, nothing else)",
};

const files = actionFiles();

describe("server actions", () => {
  it("are found", () => expect(files.length).toBeGreaterThan(10));

  it.each(files)("%s: every action refuses a caller without a session", async (file) => {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const names = Object.keys(mod).filter((k) => typeof mod[k] === "function");
    expect(names.length).toBeGreaterThan(0);
    (globalThis as { trafficopsTestSession?: unknown }).trafficopsTestSession = null;
    for (const name of names) {
      if (NO_SESSION[`${file} ${name}`]) continue;
      const r = (await (mod[name] as (x: unknown) => Promise<unknown>)({})) as { ok: boolean; code?: string };
      expect(r, `${file} ${name}`).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
  });
});
