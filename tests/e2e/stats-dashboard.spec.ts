/**
 * The commander's dashboard: Zhenyuan's 2019 figures with 同比, charts drawn on the server
 * (there without a scroll), "no data for last year" rather than zeros, table views, drill-down to the lists, the unit and period pickers, a
 * tablet, and the refusals. Exact figures are asserted on 2019 only (the demo's "last 90
 * days" roll with the calendar). Screenshots: tests/.artifacts/screens/stats-dashboard-*.
 */
import { expect, pageAs, screenshot, test } from "./fixtures";
import { drawAllCharts, noSidewaysScroll, setLocale } from "./stats-helpers";

const Y2019 = "/dashboard?unit=522625&period=year&year=2019";
/** Chart panels on Zhenyuan's brigade dashboard: 2 trends, types, squads, window ×2, black spots, segments. */
const CHARTS = 8;

for (const locale of ["zh", "en"] as const) {
  test(`zy-commander reads the 2019 dashboard in ${locale}`, async ({ browser }) => {
    const page = await pageAs(browser, "zy-commander");
    await setLocale(page, locale);
    const res = await page.goto(Y2019);
    expect(res?.status()).toBe(200);
    const yoy = locale === "zh" ? "同比" : "YoY";
    await expect(page.getByTestId("card-accidents")).toContainText("1,503");
    await expect(page.getByTestId("card-accidents")).toContainText(`${yoy}▲+3.16%`);
    await expect(page.getByTestId("card-fatal")).toContainText("−26.32%");
    await expect(page.getByTestId("card-deaths")).toContainText("−30.00%");
    await expect(page.getByTestId("card-violations")).toContainText("58,957");
    await expect(page.getByTestId("card-transactions")).toContainText("30,737");
    // A whole year has no 环比: the previous 365 days are the same as last year.
    await expect(page.getByTestId("card-accidents")).not.toContainText(locale === "zh" ? "环比" : "vs prev.");
    await expect(page.getByTestId("chart-heatmap")).toBeVisible();
    await drawAllCharts(page, CHARTS);
    await expect(page.locator("main"), "untranslated key").not.toContainText(/stats\.[a-z]+\.[a-zA-Z]+/);
    await noSidewaysScroll(page);
    await screenshot(page, `stats-dashboard-2019-${locale}`);
    await page.context().close();
  });
}

test("every chart has a table view, and figures drill down to their lists", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto(Y2019);
  const types = page.getByTestId("chart-violations-by-type");
  await types.getByTestId("chart-violations-by-type-show-table").click();
  const table = page.getByTestId("table-violations-by-type");
  await expect(table).toBeVisible();
  await expect(table).toContainText("9,795"); // illegal parking, as published
  await expect(page.getByTestId("chart-violations-by-type-chart")).toBeHidden();

  for (const id of [
    "chart-heatmap",
    "chart-monthly-accidents",
    "chart-monthly-violations",
    "chart-sub-units",
    "chart-window-category",
    "chart-window-channel",
    "chart-black-spots",
    "chart-red-segments",
  ]) {
    await page.getByTestId(`${id}-show-table`).click();
    await expect(page.getByTestId(`${id}-table`).locator("table"), id).toBeVisible();
  }
  // The March row of the accident trend opens March's accidents.
  await page.getByTestId("table-monthly-accidents").getByRole("link", { name: "3月" }).click();
  await expect(page).toHaveURL(/\/accidents\?from=2019-03-01&to=2019-03-31&unit=522625/);
  await expect(page.getByTestId("accidents-table")).toBeVisible();

  await page.goto(Y2019);
  await page.getByTestId("card-accidents").click();
  await expect(page).toHaveURL(/\/accidents\?from=2019-01-01&to=2019-12-31&unit=522625/);
  await expect(page.getByTestId("accidents-count")).toContainText("1,503");

  await page.goto(Y2019);
  await page.getByTestId("chart-window-category-show-table").click();
  await page.getByTestId("table-window-by-category").getByRole("link").first().click();
  await expect(page).toHaveURL(
    /\/window\/transactions\?from=2019-01-01&to=2019-12-31&unitCode=522625&result=done&category=/,
  );
  await page.context().close();
});

test("the unit and period pickers keep their choice in the URL", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto(Y2019);
  await page.getByTestId("stats-period").selectOption("custom");
  await page.getByTestId("stats-from").fill("2019-03-01");
  await page.getByTestId("stats-to").fill("2019-03-31");
  await page.getByTestId("stats-apply").click();
  await expect(page).toHaveURL(/period=custom&from=2019-03-01&to=2019-03-31/);
  await expect(page.getByTestId("dashboard-period")).toContainText("2019-03-01 至 2019-03-31");
  await expect(page.getByTestId("card-accidents")).toContainText("环比");

  await page.getByTestId("stats-unit").selectOption("522625-01");
  await expect(page).toHaveURL(/unit=522625-01/);
  await expect(page.locator("h1")).toContainText("镇远城区交警中队");
  await expect(page.getByTestId("chart-sub-units")).toHaveCount(0); // a squad has no sub-units

  // The default, year to date, works on whatever the rolling demo data holds today.
  const res = await page.goto("/dashboard");
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("stats-period")).toHaveValue("ytd");
  await expect(page.getByTestId("card-violations")).toBeVisible();
  await page.context().close();
});

test("the dashboard works on a tablet (820×1180)", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(Y2019);
  await expect(page.getByTestId("card-accidents")).toContainText("1,503");
  await drawAllCharts(page, CHARTS);
  await noSidewaysScroll(page);
  await screenshot(page, "stats-dashboard-2019-tablet");
  await page.context().close();
});

test("other units' dashboards are not found, and roles without it are refused", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  const res = await page.goto("/dashboard?unit=520626");
  expect(res?.status()).toBe(404);
  expect((await page.request.get("/api/v1/dashboard?unit=520626")).status()).toBe(404);
  expect((await page.request.get("/api/v1/dashboard?unit=522625&period=year&year=2019")).status()).toBe(200);
  await page.context().close();

  for (const user of ["zy-clerk", "zy-legal"]) {
    const p = await pageAs(browser, user);
    await p.goto("/dashboard");
    await expect(p.getByTestId("forbidden"), user).toBeVisible();
    expect((await p.request.get("/api/v1/dashboard")).status(), user).toBe(403);
    await p.context().close();
  }
});

test("a unit without records gets empty states, not empty axes", async ({ browser }) => {
  // Yunyang has grids and duty officers in the demo, but no violations, accidents or window business.
  const page = await pageAs(browser, "yy-duty");
  await page.goto("/dashboard?period=year&year=2019");
  await expect(page.getByTestId("card-violations-value")).toHaveText("0");
  await expect(page.getByTestId("card-accidents")).toContainText("无上年数据"); // no 同比 against nothing
  await expect(page.getByTestId("stats-year")).toHaveValue("2019");
  for (const id of [
    "chart-monthly-accidents",
    "chart-monthly-violations",
    "chart-violations-by-type",
    "chart-window-category",
    "chart-window-channel",
    "chart-heatmap",
    "chart-black-spots",
  ]) {
    await expect(page.getByTestId(`${id}-empty`), id).toBeVisible();
  }
  await screenshot(page, "stats-dashboard-empty");
  await page.context().close();
});

test("a year whose last year has no data says so: no 同比, no line, never a zero", async ({ browser }) => {
  // Yinjiang's records start in 2023: 2022 is not "no accidents", it is unknown.
  const page = await pageAs(browser, "yj-commander");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/dashboard?unit=520626&period=year&year=2023");
  const accidents = page.getByTestId("card-accidents");
  await expect(accidents).toContainText("无上年数据");
  await expect(accidents).not.toContainText("同比");
  await expect(page.getByTestId("card-violations")).toContainText("无上年数据");
  // The trend draws 2023 and no 2022 line (not a flat zero), and says why.
  const trend = page.getByTestId("chart-monthly-accidents");
  await expect(trend).toContainText("2022年（无数据）");
  await expect(trend.locator('[data-series="thisYear"] path').first()).toBeAttached();
  await expect(trend.locator('[data-series="lastYear"] path')).toHaveCount(0);
  await expect(page.getByTestId("chart-monthly-accidents-note")).toContainText("2022年同期没有数据");
  // Bars against last year: no empty "same period last year" bars either.
  await expect(page.getByTestId("chart-violations-by-type")).not.toContainText("去年同期");
  // Yinjiang has no road segments on record: that panel says so instead of drawing empty bars.
  await expect(page.getByTestId("chart-red-segments-empty")).toBeVisible();
  await drawAllCharts(page, CHARTS - 1);
  await screenshot(page, "stats-dashboard-no-last-year");

  // 2024 against 2023 has its 同比 and both lines.
  await page.goto("/dashboard?unit=520626&period=year&year=2024");
  await expect(page.getByTestId("card-accidents")).toContainText("同比");
  await expect(page.getByTestId("card-accidents")).not.toContainText("无上年数据");
  await expect(
    page.getByTestId("chart-monthly-accidents").locator('[data-series="lastYear"] path').first(),
  ).toBeAttached();

  // The report says it too.
  await page.goto("/reports/520626/2023");
  await expect(page.getByTestId("report-no-last-year")).toBeVisible();
  await page.context().close();
});

test("charts are drawn on first paint, in print and in a screenshot, without scrolling", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(Y2019);
  // Every panel far below the fold already holds its bars: nothing waits for a scroll.
  await drawAllCharts(page, CHARTS);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const spots = page.getByTestId("chart-black-spots-chart");
  await expect(spots.locator("[data-value]").first()).toBeAttached();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("chart-sub-units-chart").locator("[data-value]").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.context().close();
});

test("what the dashboard only shows is not hydrated: charts, tables and figure cards are plain HTML", async ({
  browser,
}) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto(Y2019);
  await drawAllCharts(page, CHARTS);
  // React marks each element it hydrated with a `__reactFiber$…` property; HTML sent as a string has none.
  const hydrated = (selector: string) =>
    page.evaluate(
      (s) => [...document.querySelectorAll(s)].map((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))),
      selector,
    );
  expect(await hydrated('[data-testid="dashboard"]')).toEqual([true]);
  for (const s of [
    'figure[data-chart="bars"]',
    '[data-testid="dashboard-cards"]',
    '[data-testid="dashboard-incidents"]',
  ]) {
    const marks = await hydrated(s);
    expect(marks.length, s).toBeGreaterThan(0);
    expect(marks, s).not.toContain(true);
  }
  // Still links: a bar's category opens its list.
  const link = page.getByTestId("chart-violations-by-type-chart").locator("a[href]").first();
  await expect(link).toHaveAttribute("href", /\/violations\?/);
  await page.context().close();
});

test("a line chart on screen becomes interactive (recharts): a tooltip per month, a click opens the month, print keeps the server drawing", async ({
  browser,
}) => {
  const page = await pageAs(browser, "zy-commander");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(Y2019);
  const trend = page.getByTestId("chart-monthly-violations");
  await trend.scrollIntoViewIfNeeded();
  const live = trend.locator("figure[data-interactive]");
  await expect(live.locator(".series-thisYear path.recharts-curve")).toBeAttached();
  await expect(live.locator(".series-lastYear path.recharts-curve")).toBeAttached();
  // Hover the middle of the plot: the tooltip gives both years' figures of that month.
  const plot = (await live.locator(".recharts-surface").boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
  const tip = live.locator(".recharts-tooltip-wrapper");
  await expect(tip).toContainText("2019年");
  await expect(tip).toContainText("2018年");
  await trend.screenshot({ path: "tests/.artifacts/screens/stats-dashboard-line-tooltip.png" });
  // A click in that month's column opens its list.
  await page.mouse.click(plot.x + plot.width / 2, plot.y + plot.height / 2);
  await expect(page).toHaveURL(/\/violations\?.*from=2019-/);
  await page.goBack();
  // In print the server drawing is the one shown (recharts does not follow the page's print width).
  await trend.scrollIntoViewIfNeeded();
  await expect(trend.locator("figure[data-interactive]")).toBeAttached();
  await page.emulateMedia({ media: "print" });
  await expect(trend.locator("figure[data-chart]:not([data-interactive])")).toBeVisible();
  await expect(trend.locator("figure[data-interactive]")).toBeHidden();
  await page.context().close();
});

test("a year without data draws no recharts line either", async ({ browser }) => {
  const page = await pageAs(browser, "yj-commander");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/dashboard?unit=520626&period=year&year=2023");
  const trend = page.getByTestId("chart-monthly-accidents");
  await trend.scrollIntoViewIfNeeded();
  const live = trend.locator("figure[data-interactive]");
  await expect(live.locator(".series-thisYear path.recharts-curve")).toBeAttached();
  await expect(live.locator(".series-lastYear")).toHaveCount(0);
  await expect(live).toContainText("2022年（无数据）");
  await page.context().close();
});

test("black spots and road segments never read the same; a skewed chart shows every bar", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto(Y2019);
  for (const id of ["chart-black-spots", "chart-red-segments"]) {
    const labels = await page
      .getByTestId(`${id}-chart`)
      .locator("li[data-row]")
      .evaluateAll((rows) => rows.map((r) => (r.getAttribute("data-row") ?? "").replace(/^\d+\.\s*/, "")));
    expect(labels.length, id).toBeGreaterThan(1);
    expect(new Set(labels).size, `${id}: ${labels.join(" | ")}`).toBe(labels.length);
  }
  // Every non-zero bar is wide enough to see (a broken bar marks the one that dwarfs the rest).
  for (const id of ["chart-black-spots", "chart-red-segments", "chart-violations-by-type", "chart-window-category"]) {
    const widths = await page
      .getByTestId(`${id}-chart`)
      .locator("[data-value]")
      .evaluateAll((bars) =>
        bars.filter((b) => Number(b.getAttribute("data-value")) > 0).map((b) => b.getBoundingClientRect().width),
      );
    expect(Math.min(...widths), id).toBeGreaterThanOrEqual(4);
  }
  await page.context().close();
});
