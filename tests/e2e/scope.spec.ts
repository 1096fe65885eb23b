import { randomBytes } from "node:crypto";
import { appOrigin, expect, pageAs, screenshot, test } from "./fixtures";

test("a Zhenyuan commander opens their own unit but not Yinjiang's, in the UI or through the API", async ({
  browser,
}) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/units/522625");
  await expect(page.getByTestId("unit-page")).toContainText("镇远县公安局交通警察大队");
  await expect(page.getByTestId("unit-page")).toContainText("吴振国");

  const res = await page.goto("/units/520626");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("印江");

  for (const url of ["/api/v1/units/520626", "/api/v1/units/520626/users", "/api/v1/units/522600"]) {
    const r = await page.request.get(url);
    expect(r.status(), url).toBe(404);
  }
  const own = await page.request.get("/api/v1/units/522625/users");
  expect(own.status()).toBe(200);
  const names = (await own.json()).items.map((u: { username: string }) => u.username);
  expect(names).toContain("zy-clerk");
  expect(names).not.toContain("yj-clerk");
});

test("a commander cannot open the admin pages or call admin routes", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/admin/users");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  const r = await page.request.post("/api/v1/units", {
    data: { parentCode: "522625", kind: "SQUAD", code: "522625-77", nameZh: "x", nameEn: "x" },
    headers: { origin: appOrigin() },
  });
  expect(r.status()).toBe(403);
});

test("cookie-authenticated writes must carry our own Origin", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  const origin = appOrigin();
  const body = {
    parentCode: "522625",
    kind: "SQUAD",
    code: `522625-${randomBytes(3).toString("hex")}`,
    nameZh: "测试中队",
    nameEn: "Test squad",
  };
  for (const headers of [{}, { origin: "null" }, { origin: "http://evil.example" }] as Record<string, string>[]) {
    const r = await page.request.post("/api/v1/units", { data: body, headers });
    expect(r.status(), JSON.stringify(headers)).toBe(403);
  }
  const ok = await page.request.post("/api/v1/units", { data: body, headers: { origin } });
  expect(ok.status(), await ok.text()).toBe(201);
  const bad = await page.request.post("/api/v1/units", { data: { ...body, code: "bad code!" }, headers: { origin } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields[0].path).toBe("code");
});

test("the admin manages users: validation, create, disable", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/admin/users");
  await expect(page.getByTestId("users-table")).toContainText("zy-commander");
  await screenshot(page, "admin-users");
  await page.getByTestId("new-user").click();
  const dialog = page.locator("dialog[open]");
  const username = `new-${Date.now() % 100000}`;
  await dialog.getByLabel("用户名").fill(username);
  await dialog.getByLabel("新密码").fill("short");
  await dialog.getByLabel("姓名").fill("新同事");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("密码至少 12 位").first()).toBeVisible();
  await dialog.getByLabel("新密码").fill("Longer-password-2026");
  await dialog.getByLabel("所属单位").selectOption("522625-02");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: `新同事 (${username})` })).toBeVisible();
  await page.getByTestId("disable-user").click();
  await page.getByTestId("disable-user-confirm").click();
  await expect(page.getByText("已停用").first()).toBeVisible();
});

test("the admin's unit tree shows a unit's published profile", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/admin/units?unit=520626");
  await expect(page.getByTestId("unit-tree")).toBeVisible();
  await expect(page.locator("#p-population")).toHaveValue("454600");
});
