/**
 * Shared Playwright fixtures: sign in through the login form (once per user and worker,
 * then reuse the cookies), reach the e2e database, create throwaway users.
 */
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const DEMO_PASSWORD = "TrafficOps-demo-2026";
const ARTIFACTS = path.join(import.meta.dirname, "../.artifacts");
export const SCREENS = path.join(ARTIFACTS, "screens");

export function e2eConfig(): { databaseUrl: string; baseURL: string } {
  return JSON.parse(fs.readFileSync(path.join(ARTIFACTS, "e2e.json"), "utf8"));
}

/** The app's origin, for the Origin header of API writes (a page from a cached session is still at about:blank). */
export const appOrigin = () => new URL(e2eConfig().baseURL).origin;

/** Waits until React has hydrated the page (`<html data-hydrated>`, components/shell/hydration-mark.tsx). */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", null, { timeout: 30_000 });
}

/**
 * Makes `page.goto` and `page.reload` wait, after an HTML page has loaded, until React has
 * hydrated it, so a test never types or taps into a page that cannot answer yet.
 */
const settled = new WeakSet<Page>();
export function settle(page: Page): Page {
  if (settled.has(page)) return page;
  settled.add(page);
  const wrap =
    <A extends unknown[]>(nav: (...args: A) => ReturnType<Page["goto"]>) =>
    async (...args: A) => {
      const res = await nav(...args);
      if (res && (res.headers()["content-type"] ?? "").includes("text/html")) await hydrated(page);
      return res;
    };
  page.goto = wrap(page.goto.bind(page));
  page.reload = wrap(page.reload.bind(page));
  return page;
}

/** Signs in through the form and waits until the portal has loaded. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  settle(page);
  await page.goto("/login");
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
  await hydrated(page); // the portal has hydrated, not just its URL committed
}

const stateCache = new Map<string, { file: string; at: number }>();
/**
 * A cached sign-in is reused for this long. The cached cookie is the one from sign-in: the
 * session's idle limit (30 min, lib/auth/session-config.ts) counts from then, and on a slow
 * machine a worker's run lasts longer than that (a late test landed on /login).
 */
const REUSE_MS = 15 * 60_000;

/** A page signed in as `username` (cookies cached per worker, for at most REUSE_MS). */
export async function pageAs(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const cached = stateCache.get(username);
  if (cached && Date.now() - cached.at < REUSE_MS) {
    const ctx = await browser.newContext({ storageState: cached.file });
    return settle(await ctx.newPage());
  }
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, username, password);
  const out = path.join(ARTIFACTS, "auth", `${username}-${process.pid}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await ctx.storageState({ path: out });
  stateCache.set(username, { file: out, at: Date.now() });
  return page;
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

interface Fixtures {
  sql: pg.Client;
  /** Creates a user for this test only; returns its username and password. */
  makeUser: (opts: {
    role: string;
    unitCode: string;
    displayName?: string;
  }) => Promise<{ id: string; username: string; password: string }>;
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, provide) => {
    await provide(settle(page));
  },
  sql: async ({}, provide) => {
    const client = new pg.Client({ connectionString: e2eConfig().databaseUrl });
    await client.connect();
    await provide(client);
    await client.end();
  },
  makeUser: async ({ sql }, provide) => {
    await provide(async ({ role, unitCode, displayName }) => {
      const username = `e2e-${randomBytes(4).toString("hex")}`;
      const password = `Pw-${randomBytes(6).toString("hex")}1`;
      const passwordHash = await hash(password);
      const { rows } = await sql.query(
        `INSERT INTO users (username, display_name, role, unit_id, password_hash, updated_at)
         SELECT $1, $2, $3::role, id, $4, now() FROM units WHERE code = $5 RETURNING id`,
        [username, displayName ?? `测试${role}`, role, passwordHash, unitCode],
      );
      return { id: rows[0].id, username, password };
    });
  },
});

export { expect };
