/** Helpers for the field app's end-to-end tests (phone viewport, service worker, persistent profiles). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../../playwright.config";
import { originOf } from "./duty-helpers";
import { e2eConfig, expect, pageAs, settle, signIn } from "./fixtures";

export const PHONE = { width: 390, height: 844 };
/** Inside the Zhenyuan county town. */
export const ZY_FIX = { latitude: 27.05, longitude: 108.43, accuracy: 8 };

/** A phone-sized Chromium with its service worker and a profile on disk that survives a restart. */
export async function launchPhone(dir: string, opts: { offline?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL: e2eConfig().baseURL,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    permissions: ["geolocation"],
    geolocation: ZY_FIX,
    serviceWorkers: "allow",
    offline: opts.offline,
  });
}

export const profileDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "field-profile-"));

export async function firstPage(ctx: BrowserContext): Promise<Page> {
  return settle(ctx.pages()[0] ?? (await ctx.newPage()));
}

/** Signs in (landing on /field), then waits until the service worker controls the page and has cached its parts. */
export async function openFieldOnline(page: Page, username: string) {
  await signIn(page, username);
  await expect(page).toHaveURL(/\/field$/);
  await expect(page.getByTestId("outbox-summary")).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  await expect(page.locator("html")).toHaveAttribute("data-field-cached", "1", { timeout: 60_000 });
}

/** A small real JPEG made by the browser's canvas (a different picture for each seed). */
export async function jpeg(page: Page, seed: number): Promise<Buffer> {
  const b64 = await page.evaluate((s) => {
    const c = document.createElement("canvas");
    c.width = 640;
    c.height = 480;
    const g = c.getContext("2d")!;
    g.fillStyle = `hsl(${(s * 37) % 360} 60% 50%)`;
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = "#fff";
    g.font = "80px sans-serif";
    g.fillText(`#${s}`, 200, 260);
    return c.toDataURL("image/jpeg", 0.8).split(",")[1];
  }, seed);
  return Buffer.from(b64, "base64");
}

/** Outbox items by state, as the phone's IndexedDB holds them (what the outbox screen lists). */
export async function outboxStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open("trafficops-field");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("items").objectStore("items").getAll();
          all.onsuccess = () => {
            const out: Record<string, number> = {};
            for (const i of all.result as { status: string; kind: string }[])
              out[`${i.kind}:${i.status}`] = (out[`${i.kind}:${i.status}`] ?? 0) + 1;
            open.result.close();
            resolve(out);
          };
        };
      }),
  );
}

/** A phone's browser (390×844, located at ZY_FIX, service worker allowed), not yet signed in. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    permissions: ["geolocation"],
    geolocation: ZY_FIX,
    serviceWorkers: "allow",
  });
}

/** A phone signed in as `user`, on /field. */
export async function phoneAs(browser: Browser, user: { username: string; password?: string }) {
  const ctx = await phoneContext(browser);
  const phone = settle(await ctx.newPage());
  await signIn(phone, user.username, user.password);
  return { ctx, phone };
}

/** The duty officer logs an incident and dispatches it to `userId`; its id. */
export async function dispatchIncident(browser: Browser, userId: string, data: Record<string, unknown>) {
  const duty = await pageAs(browser, "zy-duty");
  const created = await duty.request.post("/api/v1/incidents", {
    data: { kind: "accident_property", priority: 2, ...data },
    headers: originOf(duty),
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  const sent = await duty.request.post(`/api/v1/incidents/${id}/dispatch`, {
    data: { userIds: [userId] },
    headers: originOf(duty),
  });
  expect(sent.status()).toBe(200);
  return id;
}

/** The responder's steps on a dispatched incident's card: accept, on scene, handled. */
export async function workThrough(card: Locator) {
  await card.getByTestId("accept").click();
  await expect(card).toHaveAttribute("data-status", "accepted");
  await card.getByTestId("arrive").click();
  await expect(card).toHaveAttribute("data-status", "on_scene");
  await card.getByTestId("handle").click();
  await expect(card).toHaveAttribute("data-status", "handled");
}
