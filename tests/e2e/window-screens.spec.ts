/**
 * Every window page renders for the roles that use it, in Chinese and English, on a
 * laptop (1366×800) and a tablet (820×1180) without the page scrolling sideways.
 * Screenshots go to tests/.artifacts/screens/window-*.
 */
import type { Page } from "@playwright/test";
import { e2eConfig, expect, pageAs, screenshot, test } from "./fixtures";

const PAGES: [string, string, string][] = [
  ["zy-clerk", "/window", "clerk-screen"],
  ["zy-clerk", "/window/tickets", "tickets"],
  ["zy-clerk", "/window/day", "day-page"],
  ["zy-commander", "/window/supervise", "supervise-page"],
  ["zy-commander", "/window/complaints", "complaints-page"],
  ["zy-commander", "/window/transactions", "transactions-filter"],
  ["yj-commander", "/window/trips?year=2025", "trips-table"],
  ["yj-commander", "/window/points", "points-table"],
  ["admin", "/window/settings", "business-table"],
  ["admin", "/window/import", "import-file"],
];

async function setLocale(page: Page, locale: "zh" | "en") {
  await page.context().addCookies([{ name: "trafficops_locale", value: locale, url: e2eConfig().baseURL }]);
}

// One test per page, so a slow first render of one page cannot use up another's time.
for (const [viewport, size] of [
  ["laptop", { width: 1366, height: 800 }],
  ["tablet", { width: 820, height: 1180 }],
] as const) {
  for (const locale of ["zh", "en"] as const) {
    for (const [user, path, testId] of PAGES) {
      test(`window page ${path} on a ${viewport} in ${locale}`, async ({ browser }) => {
        const page = await pageAs(browser, user);
        await page.setViewportSize(size);
        await setLocale(page, locale);
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        if (testId !== "tickets") await expect(page.getByTestId(testId), path).toBeVisible();
        else await expect(page.locator("[data-business]").first()).toBeVisible();
        await expect(page.getByTestId("forbidden")).toHaveCount(0);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} scrolls sideways on ${viewport}`).toBeLessThanOrEqual(0);
        await expect(page.locator("main"), "untranslated key").not.toContainText(/window\.[a-z]+\.[a-zA-Z]+/);
        await screenshot(
          page,
          `window-${viewport}-${locale}-${path
            .split("/")
            .pop()!
            .replace(/[^a-z0-9]+/gi, "-")}`,
        );
        await page.context().close();
      });
    }
  }
}
