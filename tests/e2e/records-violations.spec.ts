import { expect, pageAs, screenshot, test } from "./fixtures";
import { api, tabletAs, uniquePlate, setLanguage, ZHENYUAN } from "./records-fixtures";

test("an officer records a violation on a tablet: the type fills the fine and points", async ({ browser }) => {
  const page = await tabletAs(browser, "zy-officer");
  await page.goto("/violations/new");
  await expect(page.getByTestId("penalty-fields")).toBeVisible();
  await page.getByLabel("违法类型").selectOption("drink_driving");
  await expect(page.getByLabel("罚款（元）")).toHaveValue("1000");
  await expect(page.getByLabel("记分")).toHaveValue("12");
  await expect(page.getByLabel("暂扣/收缴驾驶证")).toBeChecked();
  await expect(page.getByText("法定范围 1000–2000 元")).toBeVisible();

  // A bad plate is caught before anything is sent.
  await page.getByLabel("号牌号码").fill("贵H1");
  await page.getByTestId("save-violation").click();
  await expect(page.getByText("号牌号码格式不正确", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/violations\/new$/);

  const plate = uniquePlate();
  await page.getByLabel("号牌号码").fill(plate);
  await page.getByLabel("号牌颜色").selectOption("blue");
  await page.getByLabel("车辆类型").selectOption("small_car");
  await page.getByLabel("驾驶人姓名").fill("张三");
  await page.getByLabel("驾驶人身份证号").fill("522625198503121234");
  await page.getByLabel("纬度").fill(String(ZHENYUAN.lat));
  await page.getByLabel("经度").fill(String(ZHENYUAN.lng));
  await page.getByLabel("道路名称").fill("舞阳大道");
  await screenshot(page, "violation-new-tablet");
  await page.getByTestId("save-violation").click();
  // The ID number above has a wrong check character: the field says so, nothing is saved.
  await expect(page.getByText("身份证号码无效（18 位，末位校验码不符）", { exact: true })).toBeVisible();
  await page.getByLabel("驾驶人身份证号").fill("522625198503121235");
  await page.getByTestId("save-violation").click();

  await expect(page).toHaveURL(/\/violations\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId("violation-detail");
  await expect(detail).toContainText("饮酒后驾驶机动车");
  await expect(detail).toContainText(plate);
  await expect(detail).toContainText("已记录");
  // Placed in the Zhenyuan unit (the brigade, or the squad whose area holds the point).
  await expect(detail).toContainText(/镇远县公安局交通警察大队|镇远城区交警中队|片区交警中队/);
  await expect(page.getByTestId("id-masked")).toHaveText("522625********1235");
  await expect(page.getByTestId("reveal-id")).toHaveCount(0); // officers may not reveal
  // The history reads as a sentence in the user's language: no action codes or enum keys.
  const history = page.getByTestId("record-history");
  await expect(history).toContainText(`新建了违法记录：饮酒后驾驶机动车，${plate}`);
  await expect(history).toContainText("号牌颜色：蓝牌");
  await expect(history).not.toContainText(/violation\.create|drink_driving|small_car/);
  await screenshot(page, "violation-detail-tablet");

  await page.goto(`/violations?plate=${encodeURIComponent(plate)}`);
  await expect(page.getByTestId("violations-table")).toContainText(plate);
  await expect(page.getByTestId("violations-count")).toContainText("共 1 条");
});

test("a clerk cannot record or read violations, in the UI or through the API", async ({ browser }) => {
  const page = await pageAs(browser, "zy-clerk");
  await page.goto("/window");
  await expect(page.getByTestId("side-nav").first()).not.toContainText("违法记录");
  for (const url of ["/violations", "/violations/new", "/accidents/new", "/violations/appeals"]) {
    await page.goto(url);
    await expect(page.getByTestId("forbidden"), url).toBeVisible();
  }
  const r = await api(page, "POST", "/api/v1/violations", {
    occurredAt: new Date().toISOString(),
    type: "illegal_parking",
  });
  expect(r.status).toBe(403);
  expect((await api(page, "GET", "/api/v1/violations")).status).toBe(403);
});

test("an auxiliary records a violation but never sets a penalty", async ({ browser, sql }) => {
  const page = await tabletAs(browser, "zy-aux");
  await page.goto("/violations/new");
  await expect(page.getByTestId("penalty-fields")).toHaveCount(0);
  await expect(page.getByText("路员（辅警）只记录违法")).toBeVisible();
  const options = await page.getByLabel("违法类型").locator("option").allTextContents();
  expect(options.join()).toContain("违反规定停放车辆");
  expect(options.join()).not.toContain("饮酒后驾驶机动车");
  const plate = uniquePlate();
  await page.getByLabel("违法类型").selectOption("illegal_parking");
  await page.getByLabel("号牌号码").fill(plate);
  await screenshot(page, "violation-new-auxiliary-tablet");
  await page.getByTestId("save-violation").click();
  await expect(page).toHaveURL(/\/violations\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("violation-detail")).toContainText("违反规定停放车辆");

  // The API refuses a penalty from an auxiliary, and writes nothing.
  const other = uniquePlate();
  const r = await api(page, "POST", "/api/v1/violations", {
    occurredAt: new Date().toISOString(),
    type: "illegal_parking",
    plate: other,
    fineYuan: 100,
  });
  expect(r.status).toBe(403);
  expect(r.body.error.fields[0].path).toBe("fineYuan");
  const r2 = await api(page, "POST", "/api/v1/violations", {
    occurredAt: new Date().toISOString(),
    type: "drink_driving",
    plate: other,
  });
  expect(r2.status).toBe(403);
  const { rows } = await sql.query("SELECT count(*)::int AS n FROM violations WHERE plate = $1", [other]);
  expect(rows[0].n).toBe(0);
});

test("an appeal is filed by the officer and decided by the commander from the queue", async ({ browser }) => {
  const officer = await pageAs(browser, "zy-officer");
  await officer.goto("/violations");
  const plate = uniquePlate();
  const created = await api(officer, "POST", "/api/v1/violations", {
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    ...ZHENYUAN,
    type: "illegal_parking",
    plate,
    fineYuan: 100,
  });
  expect(created.status).toBe(201);
  await officer.goto(`/violations/${created.body.id}`);
  await officer.getByTestId("file-appeal").click();
  await officer.getByLabel("申辩理由").fill("当时正在上下客，并非违法停车");
  await officer.getByLabel("申辩人（姓名、电话）").fill("李四 13900000000");
  await officer.getByTestId("submit-appeal").click();
  await expect(officer.getByTestId("appeal-card")).toContainText("待处理");
  await expect(officer.getByTestId("violation-detail")).toContainText("申辩中");
  await expect(officer.getByTestId("decide-appeal")).toHaveCount(0);

  const commander = await pageAs(browser, "zy-commander");
  await commander.goto("/violations/appeals");
  await expect(commander.getByTestId("appeals-table")).toContainText(plate);
  await screenshot(commander, "appeals-queue");
  await commander
    .getByTestId("appeals-table")
    .getByRole("row", { name: new RegExp(plate) })
    .getByRole("link")
    .click();
  await commander.getByLabel("撤销处罚").check();
  await commander.getByTestId("submit-decision").click();
  await expect(commander.getByText("撤销处罚须填写说明", { exact: true })).toBeVisible();
  await commander.getByLabel("决定说明").fill("调取监控核实，车辆确在上下客，撤销处罚。");
  await commander.getByTestId("submit-decision").click();
  await expect(commander.getByTestId("appeal-card")).toContainText("撤销处罚");
  await expect(commander.getByTestId("violation-detail")).toContainText("已撤销");
  await expect(commander.getByTestId("record-history")).toContainText("撤销了处罚（申辩成立）");
  await screenshot(commander, "violation-appeal-decided");

  await setLanguage(commander, "en");
  await commander.reload();
  await expect(commander.getByTestId("violation-detail")).toContainText("Revoked");
  await screenshot(commander, "violation-appeal-decided-en");
});

test("the list filters, pages, counts and exports the current filter", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/violations");
  const plate = uniquePlate().slice(0, 6);
  for (let i = 0; i < 3; i++) {
    const r = await api(page, "POST", "/api/v1/violations", {
      occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
      type: "no_helmet",
      plate: `${plate}${i}`,
      vehicleType: "motorcycle",
      fineYuan: 50,
      points: 1,
    });
    expect(r.status).toBe(201);
  }
  await page.goto(`/violations?plate=${encodeURIComponent(plate)}&limit=2`);
  await expect(page.getByTestId("violations-count")).toContainText("共 3 条");
  await expect(page.getByTestId("violations-table").locator("tbody tr")).toHaveCount(2);
  await page.getByTestId("next-page").click();
  await expect(page.getByTestId("violations-table").locator("tbody tr")).toHaveCount(1);
  await screenshot(page, "violations-list");
  const csv = await page.request.get(`/api/v1/violations/export?format=csv&plate=${encodeURIComponent(plate)}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  const lines = text.split("\n").filter(Boolean);
  expect(lines).toHaveLength(5);
  expect(text).toContain("occurredAt");
  // The last line says who exported it, when and from which unit (a # comment: it imports again).
  expect(lines[4]).toMatch(/^# 导出：吴振国 \(zy-commander\) · .+ · 镇远县公安局交通警察大队 \(522625\)$/);
  const xlsx = await page.request.get(`/api/v1/violations/export?format=xlsx&plate=${encodeURIComponent(plate)}`);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
});

test("a commander empties a field in the edit dialog: it is cleared, the rest stays, and the history shows it", async ({
  browser,
  sql,
}) => {
  const page = await pageAs(browser, "zy-commander");
  const plate = uniquePlate();
  const v = await api(page, "POST", "/api/v1/violations", {
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...ZHENYUAN,
    type: "illegal_parking",
    plate,
    roadName: "清空测试路",
    notes: "这条备注要删掉",
  });
  expect(v.status).toBe(201);
  await page.goto(`/violations/${v.body.id}`);
  await expect(page.getByTestId("violation-detail")).toContainText("清空测试路");
  await page.getByTestId("edit-violation").click();
  await page.locator("#e-roadName").fill("");
  await page.locator("#e-notes").fill("");
  await page.getByTestId("save-edit").click();
  // The history shows the cleared fields (the create entry above it still names the old road).
  const update = page.getByTestId("audit-entry").filter({ hasText: "修改了违法记录" });
  await expect(update).toContainText("道路名称：清空测试路 → 已清空");
  await expect(update).toContainText("备注：这条备注要删掉 → 已清空");
  await expect(page.getByTestId("violation-detail").locator("dd", { hasText: "清空测试路" })).toHaveCount(0);
  await expect(page.getByTestId("violation-detail")).toContainText(plate);
  await screenshot(page, "violation-field-cleared");
  const { rows } = await sql.query("SELECT road_name, notes, plate FROM violations WHERE id = $1", [v.body.id]);
  expect(rows).toEqual([{ road_name: null, notes: null, plate }]);
  await page.context().close();
});
