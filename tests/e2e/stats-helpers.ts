/** Shared steps of the statistics specs (dashboard and report). */
import type { Page } from "@playwright/test";
import { e2eConfig, expect } from "./fixtures";

export async function setLocale(page: Page, locale: "zh" | "en") {
  await page.context().addCookies([{ name: "trafficops_locale", value: locale, url: e2eConfig().baseURL }]);
}

/**
 * The charts are drawn on the server: all `count` of them are on the page at once, drawn,
 * with no scrolling (what a printout or a screenshot of the first screen gets). A line chart
 * that recharts has since taken over on screen counts once: the one on screen.
 */
export async function drawAllCharts(page: Page, count: number) {
  const charts = page.locator("figure[data-chart]:visible");
  await expect(charts).toHaveCount(count);
  await expect
    .poll(
      () =>
        charts.evaluateAll(
          (figs) =>
            figs.filter(
              (f) => f.querySelector("[data-value], path[d]") !== null && f.getBoundingClientRect().height > 20,
            ).length,
        ),
      { message: "charts drawn without scrolling" },
    )
    .toBe(count);
}

export async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}
