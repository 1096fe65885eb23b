import { expect, pageAs, screenshot, test } from "./fixtures";
import { waitForMap } from "./duty-helpers";

test.describe.configure({ mode: "serial" });

/** Clicks polygon vertices on the editor map, in pixels from its centre, and closes the ring. */
async function drawPolygon(page: import("@playwright/test").Page, offsets: [number, number][]) {
  const box = (await page.getByTestId("editor-map").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of offsets) {
    await page.mouse.click(cx + dx, cy + dy);
    await page.waitForTimeout(150);
  }
  await page.mouse.click(cx + offsets[0][0], cy + offsets[0][1]); // back on the first vertex closes it
  await page.waitForTimeout(300);
}

test("a duty officer draws a grid; a self-intersecting one is refused", async ({ browser }) => {
  const page = await pageAs(browser, "zy-duty");
  await page.goto("/beats/grids/new?unit=522625-04");
  await waitForMap(page, "editor-map");
  await expect(page.getByTestId("geometry-status")).toContainText("请在地图上画出网格边界");

  // A bow-tie: the edges cross.
  await drawPolygon(page, [
    [-60, -60],
    [60, 60],
    [60, -60],
    [-60, 60],
  ]);
  await expect(page.getByTestId("geometry-status")).toContainText("网格边界自相交");
  await expect(page.getByTestId("save-grid")).toBeDisabled();

  await page.getByRole("button", { name: "清除" }).click();
  await page.getByTestId("mode-polygon").click();
  await drawPolygon(page, [
    [-50, -40],
    [50, -40],
    [50, 40],
    [-50, 40],
  ]);
  await expect(page.getByTestId("geometry-status")).not.toContainText("自相交");
  const name = `绘制网格${Date.now() % 10000}`;
  await page.getByLabel("名称").fill(name);
  await page.getByLabel("驾驶人数").fill("3200");
  await screenshot(page, "duty-grid-editor");
  await page.getByTestId("save-grid").click();
  await expect(page).toHaveURL(/\/beats\/grids\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("record-history")).toContainText(`新建了网格：${name}`);
});

test("GeoJSON import: checked first, all or nothing, and a bad file is explained", async ({ browser }) => {
  const page = await pageAs(browser, "zy-duty");
  await page.goto("/beats/grids?unit=522625-04");
  const run = String(Date.now() % 100_000); // names unique per run: the test may run again on the same database
  const poly = (name: string, x: number) => ({
    type: "Feature",
    properties: { name, difficulty: 2 },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, 27.2],
          [x + 0.01, 27.2],
          [x + 0.01, 27.21],
          [x, 27.21],
          [x, 27.2],
        ],
      ],
    },
  });
  const good = {
    type: "FeatureCollection",
    features: [
      poly(`导入甲${run}`, 108.33),
      poly(`导入乙${run}`, 108.35),
      {
        type: "Feature",
        properties: { name: "导入路段", grid: `导入甲${run}` },
        geometry: {
          type: "LineString",
          coordinates: [
            [108.331, 27.205],
            [108.339, 27.205],
          ],
        },
      },
    ],
  };
  const bad = { type: "FeatureCollection", features: [poly(`好的${run}`, 108.37), poly("太远", 100.0)] };
  const form = page.getByTestId("geojson-import");

  await form
    .getByTestId("geojson-file")
    .setInputFiles({ name: "bad.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(bad)) });
  await form.getByRole("checkbox").uncheck();
  await form.getByRole("button", { name: "导入" }).click();
  await expect(form).toContainText("超出所属中队/大队辖区范围");
  await expect(page.getByTestId("grids-table")).not.toContainText(`好的${run}`);

  await form.getByTestId("geojson-file").setInputFiles({
    name: "good.geojson",
    mimeType: "application/geo+json",
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await form.getByRole("button", { name: "导入" }).click();
  await expect(form).toContainText("已新建 3 个");
  await expect(page.getByTestId("grids-table")).toContainText(`导入甲${run}`);
  await expect(page.getByTestId("grids-table")).toContainText(`导入乙${run}`);
  await screenshot(page, "duty-grids-list");
});

test("grid management is refused to officers and to another brigade", async ({ browser }) => {
  const officer = await pageAs(browser, "zy-officer");
  await officer.goto("/beats/grids");
  await expect(officer.getByTestId("forbidden")).toBeVisible();
  const yj = await pageAs(browser, "yj-commander");
  expect((await yj.goto("/beats/grids?unit=522625"))?.status()).toBe(404);
});
