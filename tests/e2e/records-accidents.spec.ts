import { expect, pageAs, screenshot, test } from "./fixtures";
import { tabletAs, uniquePlate, setLanguage, ZHENYUAN } from "./records-fixtures";

test("an officer records an accident with two vehicles on a tablet; severity is derived, not typed", async ({
  browser,
}) => {
  const page = await tabletAs(browser, "zy-officer");
  await page.goto("/accidents/new");
  const preview = page.getByTestId("severity-preview");
  await expect(preview).toContainText("财产损失事故");
  await page.getByLabel("受伤人数").fill("2");
  await expect(preview).toContainText("伤人事故");
  await page.getByLabel("死亡人数").fill("3");
  await expect(preview).toContainText("死亡事故");
  await expect(preview).toContainText("较大事故");
  await page.getByLabel("死亡人数").fill("0");

  const [a, b] = [uniquePlate(), uniquePlate()];
  await page.locator("#p-plate-0").fill(a);
  await page.locator("#p-type-0").selectOption("small_car");
  await page.getByTestId("add-vehicle").click();
  await page.locator("#p-plate-1").fill(b);
  await page.locator("#p-type-1").selectOption("heavy_truck");
  await page.locator("#p-id-1").fill("123");
  await page.getByLabel("处理方式").selectOption("quick");
  await page.getByLabel("事故原因").selectOption("following_too_close");
  await page.getByLabel("天气").selectOption("rain");
  await page.getByLabel("纬度").fill(String(ZHENYUAN.lat));
  await page.getByLabel("经度").fill(String(ZHENYUAN.lng));
  await page.getByLabel("道路名称").fill("G320 国道");
  await page.getByTestId("save-accident").click();
  await expect(page.getByTestId("vehicles").getByText(/身份证号码无效/)).toBeVisible();
  await page.locator("#p-id-1").fill("");
  await screenshot(page, "accident-new-tablet");
  await page.getByTestId("save-accident").click();

  await expect(page).toHaveURL(/\/accidents\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId("accident-detail");
  await expect(detail).toContainText("伤人事故");
  await expect(detail).toContainText(a);
  await expect(detail).toContainText(b);
  await expect(detail).toContainText("快处快撤");
  await screenshot(page, "accident-detail-tablet");

  // A death a few days later makes it fatal; closing is confirmed.
  await page.getByTestId("edit-accident").click();
  await page.locator("#u-deaths").fill("1");
  await page.getByTestId("save-accident-edit").click();
  await expect(detail).toContainText("死亡事故");
  await page.getByTestId("close-accident").click();
  await page.getByTestId("close-accident-confirm").click();
  await expect(detail).toContainText("已结案");
  await expect(page.getByTestId("record-history")).toContainText("办结了事故记录");
  // The parties the accident was created with read as a table, not as JSON.
  const parties = page.getByTestId("record-history").getByRole("table");
  await expect(parties).toContainText(b);
  await expect(parties).toContainText("重型货车");
  await expect(page.getByTestId("record-history")).not.toContainText(/heavy_truck|"plate"/);
});

test("an auxiliary may read accidents but not record one; the accident list counts and filters", async ({
  browser,
}) => {
  const aux = await pageAs(browser, "zy-aux");
  await aux.goto("/accidents/new");
  await expect(aux.getByTestId("forbidden")).toBeVisible();
  await aux.goto("/accidents");
  await expect(aux.getByTestId("new-accident")).toHaveCount(0);

  const commander = await pageAs(browser, "zy-commander");
  await commander.goto("/accidents?severity=injury");
  await expect(commander.getByTestId("accidents-count")).toBeVisible();
  await screenshot(commander, "accidents-list");
  await setLanguage(commander, "en");
  await commander.reload();
  await expect(commander.getByRole("heading", { name: "Accidents" })).toBeVisible();
  await screenshot(commander, "accidents-list-en");
});
