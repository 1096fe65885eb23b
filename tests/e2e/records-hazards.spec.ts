import { latLngToCell } from "h3-js";
import { expect, pageAs, screenshot, test } from "./fixtures";
import { api, uniquePlate, setLanguage } from "./records-fixtures";

test("hazards board: create, start fixing, close with a note; closure rates", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/hazards");
  const title = `路口视距不良 ${Date.now() % 100000}`;
  await page.getByTestId("new-hazard").click();
  const dialog = page.getByTestId("new-hazard-dialog");
  await dialog.getByLabel("隐患名称").fill(title);
  await dialog.getByLabel("情况描述").fill("绿化带遮挡左转视线");
  await dialog.getByLabel("整改责任单位（交警以外）").fill("县住建局");
  await page.getByTestId("new-hazard-submit").click();
  const card = page.getByTestId("hazard-column-open").getByTestId("hazard-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "开始整改" }).click();
  const fixing = page.getByTestId("hazard-column-rectifying").getByTestId("hazard-card").filter({ hasText: title });
  await expect(fixing).toBeVisible();
  await fixing.getByRole("button", { name: "销号" }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "保存" }).click();
  await expect(page.locator("dialog[open]").getByText("销号须填写整改结果", { exact: true })).toBeVisible();
  await page.locator("dialog[open]").getByLabel("整改结果（销号说明）").fill("已修剪绿化并增设凸面镜");
  await page.locator("dialog[open]").getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("hazard-column-closed")).toContainText(title);
  await expect(page.getByTestId("closure-rates")).toBeVisible();
  await screenshot(page, "hazards-board");
  await setLanguage(page, "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Hazards board" })).toBeVisible();
  await screenshot(page, "hazards-board-en");
});

test("black spots: three injury accidents in one cell make a candidate; one click raises a hazard", async ({
  browser,
}) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/hazards/black-spots");
  // A cell of its own: a random point around the county in a cell no earlier run (the e2e
  // database may be reused) has made a candidate.
  const taken = new Set(
    (await api(page, "GET", "/api/v1/black-spots?minAccidents=2")).body.items.map((s: { cell: string }) => s.cell),
  );
  let at = { lat: 0, lng: 0 };
  do at = { lat: 26.85 + Math.random() * 0.35, lng: 108.15 + Math.random() * 0.6 };
  while (taken.has(latLngToCell(at.lat, at.lng, 8)));
  for (let i = 0; i < 3; i++) {
    const r = await api(page, "POST", "/api/v1/accidents", {
      occurredAt: new Date(Date.now() - (i + 1) * 86400_000).toISOString(),
      ...at,
      injured: 1 + i,
      roadName: "S308 省道",
      vehicles: [{ plate: uniquePlate() }],
    });
    expect(r.status).toBe(201);
  }
  await page.reload();
  const cell = latLngToCell(at.lat, at.lng, 8);
  const spots = await api(page, "GET", "/api/v1/black-spots");
  const spot = spots.body.items.find((s: { cell: string }) => s.cell === cell);
  expect(spot).toMatchObject({ accidents: 3, injured: 6, roads: ["S308 省道"], openHazardId: null });
  await expect(page.getByTestId("black-spots")).toContainText("S308 省道");
  await page.getByTestId(`raise-${spot.cell}`).click();
  await expect(page.getByTestId(`raise-${spot.cell}`)).toHaveCount(0);
  await screenshot(page, "black-spots");
  const again = await api(page, "POST", `/api/v1/black-spots/${spot.cell}/hazard`, {});
  expect(again.status).toBe(409);
  await page.goto("/hazards");
  await expect(page.getByTestId("hazard-column-open")).toContainText("事故黑点：S308 省道");
});

test("key vehicles: register, screen, act, close — the year's figures follow", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  const name = `镇远测试危化运输公司${Date.now() % 100000}`;
  await page.goto("/hazards/enterprises");
  await page.getByTestId("new-enterprise").click();
  await page.getByTestId("new-enterprise-dialog").getByLabel("名称").fill(name);
  await page.getByTestId("new-enterprise-dialog").getByLabel("类型").selectOption("hazmat");
  await page.getByTestId("new-enterprise-submit").click();
  await expect(page.getByTestId("enterprises-table")).toContainText(name);
  await screenshot(page, "enterprises");

  const plate = uniquePlate();
  await page.goto("/hazards/key-vehicles");
  await page.getByTestId("new-key-vehicle").click();
  const d = page.getByTestId("new-key-vehicle-dialog");
  await d.locator('input[name="plate"]').fill(plate);
  await d.getByLabel("车辆类别").selectOption("hazmat_truck");
  await d.getByLabel("所属企业").selectOption({ label: name });
  await d.getByLabel("检验有效期至").fill("2024-01-31");
  await page.getByTestId("new-key-vehicle-submit").click();
  await expect(d).toBeHidden();
  await page.goto(`/hazards/key-vehicles?q=${encodeURIComponent(plate)}`); // the demo registry fills page one
  await expect(page.getByTestId("key-vehicles-table")).toContainText(plate);
  await expect(page.getByTestId("key-vehicles-table").getByRole("row", { name: new RegExp(plate) })).toContainText(
    "逾期未检",
  );
  await screenshot(page, "key-vehicles");

  await page.goto("/hazards/supervision");
  const remedied = Number(await page.getByTestId("figure-sourceHazardsRemedied").textContent());
  await page.getByTestId("run-screening").click();
  await expect(page.getByText(/筛查完成/)).toBeVisible();
  const finding = page.getByTestId("findings").locator("li").filter({ hasText: plate });
  await expect(finding).toContainText("逾期未检验");
  await finding.getByRole("button", { name: "采取措施" }).click();
  await page.locator("dialog[open]").getByLabel("措施").selectOption("inspection_enforced");
  await page.locator("dialog[open]").getByLabel("新的检验有效期").fill("2027-01-31");
  await page.locator("dialog[open]").getByRole("button", { name: "保存" }).click();
  await expect(finding).toContainText("督促检验");
  await finding.getByRole("button", { name: "销号" }).click();
  await page.locator("dialog[open]").getByLabel("销号说明").fill("车辆已完成检验");
  await page.locator("dialog[open]").getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("figure-sourceHazardsRemedied")).toHaveText(String(remedied + 1));
  await screenshot(page, "supervision");
});

test("an administrator edits the violation catalogue; a commander cannot open it", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/catalogue");
  await expect(admin.getByTestId("catalogue-table")).toContainText("drunk_driving");
  await admin.getByTestId("edit-type-illegal_parking").click();
  const dialog = admin.locator("dialog[open]");
  await dialog.getByLabel("最高罚款").fill("10");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("最高罚款不能低于最低罚款", { exact: true })).toBeVisible();
  await dialog.getByLabel("最高罚款").fill("200");
  await dialog.getByLabel("英文名称").fill("Illegal parking (edited)");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByTestId("catalogue-table")).toContainText("Illegal parking (edited)");
  await screenshot(admin, "admin-catalogue");
  await admin.getByTestId("edit-type-illegal_parking").click();
  await admin.locator("dialog[open]").getByLabel("英文名称").fill("Illegal parking");
  await admin.locator("dialog[open]").getByRole("button", { name: "保存" }).click();

  const commander = await pageAs(browser, "zy-commander");
  await commander.goto("/admin/catalogue");
  await expect(commander.getByTestId("forbidden")).toBeVisible();
});
