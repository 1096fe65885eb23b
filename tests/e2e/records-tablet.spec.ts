import { expect, pageAs, screenshot, test } from "./fixtures";
import { setLanguage, TABLET } from "./records-fixtures";

const PAGES = [
  "/violations",
  "/violations/appeals",
  "/violations/operations",
  "/violations/import",
  "/accidents",
  "/hazards",
  "/hazards/black-spots",
  "/hazards/supervision",
  "/hazards/key-vehicles",
  "/hazards/drivers",
];

// One test per page and language, so one slow render cannot use up the others' time.
for (const lang of ["zh", "en"] as const) {
  for (const url of PAGES) {
    test(`records page ${url} fits a tablet (820×1180) in ${lang}`, async ({ browser }) => {
      const page = await pageAs(browser, "zy-commander");
      await page.setViewportSize(TABLET);
      await setLanguage(page, lang);
      await page.goto(url);
      await expect(page.locator("main h1")).toBeVisible();
      // Wide tables scroll inside their card; the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} (${lang}) is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
      if (lang === "zh" && ["/violations", "/hazards", "/hazards/supervision"].includes(url))
        await screenshot(page, `tablet${url.replace(/\//g, "-")}`);
      await page.context().close();
    });
  }
}
