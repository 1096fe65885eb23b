import { expect, screenshot, test } from "./fixtures";
import { tabletAs, setLanguage } from "./records-fixtures";

const PAGES = ["/violations", "/violations/appeals", "/violations/operations", "/violations/import", "/accidents", "/hazards", "/hazards/black-spots", "/hazards/supervision", "/hazards/key-vehicles", "/hazards/drivers"];

test("every records page fits a tablet (820×1180) in Chinese and English", async ({ browser }) => {
  const page = await tabletAs(browser, "zy-commander");
  for (const lang of ["zh", "en"] as const) {
    await setLanguage(page, lang);
    for (const url of PAGES) {
      await page.goto(url);
      await expect(page.locator("main h1")).toBeVisible();
      // Wide tables scroll inside their card; the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} (${lang}) is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
    }
  }
  await setLanguage(page, "zh");
  for (const url of ["/violations", "/hazards", "/hazards/supervision"]) {
    await page.goto(url);
    await screenshot(page, `tablet${url.replace(/\//g, "-")}`);
  }
});
