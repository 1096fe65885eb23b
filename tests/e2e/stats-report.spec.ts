/**
 * The statistics report: Zhenyuan's 2019 report shows the published figures, prints to a
 * multi-page A4 PDF, exports every table to XLSX; another brigade's report is not found
 * (page, JSON, XLSX); a clerk is refused. Screenshots: tests/.artifacts/screens/stats-report-*.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, pageAs, screenshot, SCREENS, test } from "./fixtures";
import { REPORT_SHEETS_ZH } from "../setup/report-sheets";
import { drawAllCharts, noSidewaysScroll, setLocale } from "./stats-helpers";

/** Charts of the 2019 report: one per table (11); its three 接处警 panels say there is no data. */
const CHARTS = 11;

for (const locale of ["zh", "en"] as const) {
  test(`zy-commander opens the 2019 report from the picker in ${locale}`, async ({ browser }) => {
    const page = await pageAs(browser, "zy-commander");
    await setLocale(page, locale);
    await page.goto("/reports");
    await page.getByTestId("report-link-522625-2019").click();
    await expect(page).toHaveURL(/\/reports\/522625\/2019$/);
    const report = page.getByTestId("report");
    await expect(page.getByTestId("report-title")).toContainText(
      locale === "zh" ? "镇远县公安局交通警察大队2019年" : "Zhenyuan County Traffic Police Brigade",
    );
    const headline = page.getByTestId("report-headline");
    await expect(headline).toContainText("1,503");
    await expect(headline).toContainText("+3.16%");
    await expect(headline).toContainText("58,957");
    const accidents = page.getByTestId("table-accidents");
    for (const figure of ["1,503", "1,457", "+3.16%", "−26.32%", "−30.00%", "−32.08%", "−38.66%"])
      await expect(accidents).toContainText(figure);
    await expect(page.getByTestId("table-violations-by-type")).toContainText("58,957");
    await expect(page.getByTestId("table-enforcement")).toContainText("103");
    await expect(page.getByTestId("table-enforcement")).toContainText("113");
    await expect(page.getByTestId("table-operations")).toContainText("313");
    await expect(page.getByTestId("table-window-by-business")).toContainText("2,299");
    await expect(page.getByTestId("table-window-by-business")).toContainText("4,220");
    for (const s of ["profile", "accidents", "violations", "operations", "window", "hazards", "keyVehicles"])
      await expect(page.getByTestId(`report-${s}`)).toBeVisible();
    await drawAllCharts(page, CHARTS);
    await expect(page.locator('[data-testid^="panel-"][data-testid$="-empty"]')).toHaveCount(3);
    await expect(report, "untranslated key").not.toContainText(/stats\.[a-z]+\.[a-zA-Z]+/);
    await noSidewaysScroll(page);
    await screenshot(page, `stats-report-2019-${locale}`);
    await page.context().close();
  });
}

test("the report prints to a multi-page A4 PDF with the unit and period on every page", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/reports/522625/2019");
  await drawAllCharts(page, CHARTS);
  const pdf = await page.pdf({ format: "A4" });
  fs.mkdirSync(SCREENS, { recursive: true });
  fs.writeFileSync(path.join(SCREENS, "stats-report-2019.pdf"), pdf);
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(4);
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  // A4 portrait: 210 × 297 mm is 595 × 842 points.
  expect(Math.abs(Number(box?.[1]) - 595)).toBeLessThan(3);
  expect(Math.abs(Number(box?.[2]) - 842)).toBeLessThan(3);
  // On paper the navigation and the buttons are gone.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("report-xlsx")).toBeHidden();
  await expect(page.locator("header.no-print").first()).toBeHidden();
  await page.context().close();
});

test("the XLSX export downloads every table as a sheet", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/reports/522625/2019");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/522625-2019\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets.map((w) => w.name)).toEqual(REPORT_SHEETS_ZH);
  expect(wb.getWorksheet("事故情况及同比")!.getRow(3).values).toEqual([undefined, "事故总数", 1503, 1457, 3.16]);
  const business = wb.getWorksheet("车驾管业务分类")!;
  const car = business.getRows(3, business.rowCount - 2)!.find((r) => r.getCell(1).value === "汽车注册登记");
  expect(car?.getCell(2).value).toBe(2299);
  await page.context().close();
});

test("the picker opens any period", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/reports");
  await page.getByTestId("report-unit").selectOption("522625");
  await page.getByTestId("report-mode-period").check();
  await page.getByTestId("report-from").fill("2019-01-01");
  await page.getByTestId("report-to").fill("2019-06-30");
  await page.getByTestId("report-open").click();
  await expect(page).toHaveURL(/\/reports\/522625\/2019\?from=2019-01-01&to=2019-06-30/);
  await expect(page.getByTestId("report-title")).toContainText("2019-01-01 至 2019-06-30");
  await page.context().close();
});

test("the report works on a tablet (820×1180)", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto("/reports/522625/2019");
  await expect(page.getByTestId("report-headline")).toContainText("1,503");
  await drawAllCharts(page, CHARTS);
  await noSidewaysScroll(page);
  await screenshot(page, "stats-report-2019-tablet");
  await page.context().close();
});

test("the heading is outside the figures' loading boundary, so a phone paints the title at once", async ({
  browser,
}) => {
  const page = await pageAs(browser, "zy-commander");
  const html = await (await page.request.get("/reports/522625/2019")).text();
  // Whether the figures stream in later (a hidden <div id="S:…"> after the loading state) or
  // are ready before the page's first part is sent (inlined in their boundary) depends on the
  // machine's speed; either way the title must stand outside the figures' Suspense boundary:
  // before any streamed segment, at the boundary depth of the page's <main>.
  const depthAt = (i: number) => {
    const before = html.slice(0, i);
    return (before.match(/<!--\$[?!]?-->/g)?.length ?? 0) - (before.match(/<!--\/\$-->/g)?.length ?? 0);
  };
  const main = html.indexOf("<main");
  const title = html.indexOf('data-testid="report-title"');
  expect(main, "the page has its main").toBeGreaterThan(0);
  expect(title, "the title is in the page").toBeGreaterThan(main);
  const streamed = html.indexOf('<div hidden id="S:');
  if (streamed > 0) expect(title, "the title comes before the streamed figures").toBeLessThan(streamed);
  expect(depthAt(title), "the title is not inside the figures' loading boundary").toBe(depthAt(main));
  await page.context().close();
});

test("a Zhenyuan commander cannot open Yinjiang's report, and a clerk is refused", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  const res = await page.goto("/reports/520626/2024");
  expect(res?.status()).toBe(404);
  await expect(page.locator("body")).not.toContainText("印江");
  for (const url of ["/api/v1/reports/520626?year=2024", "/api/v1/reports/520626/xlsx?year=2024"]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  expect((await page.request.get("/api/v1/reports/522625?year=2019")).status()).toBe(200);
  await page.context().close();

  // Yinjiang's own commander does see it, with the published 2024 profile and ratios.
  const yj = await pageAs(browser, "yj-commander");
  await yj.goto("/reports/520626/2024");
  const profile = yj.getByTestId("table-profile");
  for (const figure of ["454,600", "4,702", "112,000", "100,000", "5,555.6"])
    await expect(profile).toContainText(figure);
  await expect(yj.getByTestId("table-window-service")).toContainText("送考下乡");
  await expect(yj.getByTestId("table-key-vehicles")).toContainText("63");
  await drawAllCharts(yj, CHARTS);
  await screenshot(yj, "stats-report-2024-yinjiang-zh");
  await yj.context().close();

  const clerk = await pageAs(browser, "zy-clerk");
  await clerk.goto("/reports");
  await expect(clerk.getByTestId("forbidden")).toBeVisible();
  await clerk.goto("/reports/522625/2019");
  await expect(clerk.getByTestId("forbidden")).toBeVisible();
  expect((await clerk.request.get("/api/v1/reports/522625?year=2019")).status()).toBe(403);
  expect((await clerk.request.get("/api/v1/reports/522625/xlsx?year=2019")).status()).toBe(403);
  await clerk.context().close();

  // The legal officer reads reports but has no dashboard.
  const legal = await pageAs(browser, "zy-legal");
  await legal.goto("/reports/522625/2019");
  await expect(legal.getByTestId("report-headline")).toContainText("1,503");
  await legal.context().close();
});
