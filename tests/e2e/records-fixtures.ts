/** Helpers for the records end-to-end tests (kept out of the shared fixtures file). */
import type { Browser, Page } from "@playwright/test";
import { appOrigin, e2eConfig, signIn } from "./fixtures";

export const TABLET = { width: 820, height: 1180 };

/** A page signed in as `username` on a tablet-sized, touch-enabled viewport. */
export async function tabletAs(browser: Browser, username: string, password?: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: TABLET,
    hasTouch: true,
    isMobile: false,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await ctx.newPage();
  await signIn(page, username, password);
  return page;
}

/** Switches the page's language (the cookie the language switch sets). */
export async function setLanguage(page: Page, lang: "zh" | "en") {
  await page.context().addCookies([{ name: "trafficops_locale", value: lang, url: e2eConfig().baseURL }]);
}

/** Calls the API with the page's session (same Origin, as the app's own pages do). */
export async function api(
  page: Page,
  method: "GET" | "POST" | "PATCH",
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
) {
  const origin = appOrigin();
  const res = await page.request.fetch(path, { method, data, headers: { origin, ...headers } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status(), body: body as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A random plate, unlikely to be shared with another test or with the demo data. */
export function uniquePlate(): string {
  const L = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const n = Math.floor(Math.random() * 10000)
    .toString()
    .padStart(4, "0");
  const l = () => L[Math.floor(Math.random() * L.length)];
  // 宁 (Ningxia): no demo record carries it, so a plate filter finds only this test's rows.
  return `宁${l()}${l()}${n}`;
}

/** Zhenyuan county town and Yinjiang county town (inside the brigades' outlines). */
export const ZHENYUAN = { lat: 27.05, lng: 108.43 };
export const YINJIANG = { lat: 27.99, lng: 108.41 };
