/** Shared steps of the statistics specs (dashboard and report). */
import type { Page } from "@playwright/test";
import { e2eConfig, expect } from "./fixtures";

export async function setLocale(page: Page, locale: "zh" | "en") {
  await page.context().addCookies([{ name: "trafficops_locale", value: locale, url: e2eConfig().baseURL }]);
}

/**
 * Scrolls through the page so every lazily mounted chart draws, waits until `count`
 * recharts charts are on the page, and goes back to the top for the screenshot.
 */
export async function drawAllCharts(page: Page, count: number) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 400) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await expect.poll(() => page.locator(".recharts-wrapper").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}
