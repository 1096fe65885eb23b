import { DEMO_PASSWORD, expect, screenshot, signIn, test } from "./fixtures";

// What each role must (and must only) see in the side navigation.
const NAV: Record<string, string[]> = {
  admin: [
    "dashboard",
    "map",
    "incidents",
    "beats",
    "violations",
    "accidents",
    "hazards",
    "window",
    "reports",
    "admin",
    "field",
  ],
  "zy-commander": [
    "dashboard",
    "map",
    "incidents",
    "beats",
    "violations",
    "accidents",
    "hazards",
    "window",
    "reports",
    "field",
  ],
  "zy-duty": ["dashboard", "map", "incidents", "beats", "violations", "accidents", "hazards", "field"],
  "zy-clerk": ["window"],
  "zy-officer": ["map", "incidents", "beats", "violations", "accidents", "hazards", "field"],
  "zy-aux": ["map", "incidents", "beats", "violations", "accidents", "hazards", "field"],
  "zy-legal": ["violations", "accidents", "reports"],
};

const LANDS_ON_FIELD = new Set(["zy-officer", "zy-aux"]);

for (const [username, expected] of Object.entries(NAV)) {
  test(`${username} signs in and sees only their sections`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await signIn(page, username);
    if (LANDS_ON_FIELD.has(username)) {
      // The people on the road land in the field app; the portal is one link away.
      await expect(page).toHaveURL(/\/field$/);
      await page.goto("/violations");
    }
    const nav = page.locator("aside [data-testid=side-nav] a[data-nav]");
    await expect(nav).toHaveCount(expected.length);
    expect(await nav.evaluateAll((els) => els.map((e) => e.getAttribute("data-nav")))).toEqual(expected);
  });
}

test("the commander sees a Chinese shell with 镇远 in the header, switches to English and back, and signs out", async ({
  page,
}) => {
  await signIn(page, "zy-commander");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("unit-name")).toContainText("镇远");
  await expect(page.locator("aside").getByRole("link", { name: "指挥看板" })).toBeVisible();
  await screenshot(page, "shell-zh");

  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("unit-name")).toContainText("Zhenyuan County Traffic Police Brigade");
  await expect(page.locator("aside").getByRole("link", { name: "Dashboard" })).toBeVisible();
  await page.reload();
  await expect(page.locator("aside").getByRole("link", { name: "Dashboard" })).toBeVisible(); // remembered
  await screenshot(page, "shell-en");

  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
});

test("the login page is Chinese by default and rejects a wrong password with a clear message", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await screenshot(page, "login");
  await page.getByLabel("用户名", { exact: true }).fill("zy-commander");
  await page.getByLabel("密码", { exact: true }).fill("not-the-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-form").getByRole("alert")).toContainText("用户名或密码错误");
});

test("works at tablet width: the navigation opens from the menu button, closes on a link, Escape or a tap beside it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "zy-commander");
  await expect(page.locator("aside [data-testid=side-nav]")).toBeHidden();
  const drawer = page.getByRole("navigation", { name: "菜单" });
  await page.getByTestId("menu-toggle").click();
  await expect(drawer.getByRole("link", { name: "统计报表" })).toBeVisible();
  await screenshot(page, "shell-tablet");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await page.getByTestId("menu-toggle").click();
  await page.mouse.click(600, 600); // a tap on the dimmed page beside the drawer
  await expect(drawer).toBeHidden();
  await page.getByTestId("menu-toggle").click();
  await drawer.getByRole("link", { name: "违法记录" }).click();
  await expect(page).toHaveURL(/\/violations/);
  await expect(drawer).toBeHidden();
});

test("the tablet menu opens before any script has run (a tap on a slow tablet is never lost)", async ({ browser }) => {
  const signedIn = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  await signIn(await signedIn.newPage(), "zy-commander");
  const noScript = await browser.newContext({
    viewport: { width: 820, height: 1180 },
    javaScriptEnabled: false,
    storageState: await signedIn.storageState(),
  });
  const page = await noScript.newPage();
  await page.goto("/dashboard");
  await page.getByTestId("menu-toggle").click();
  await expect(page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name: "统计报表" })).toBeVisible();
  await signedIn.close();
  await noScript.close();
});

test("a sign-in submitted before any script has run never puts the password in the URL", async ({ browser }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto("/login");
  await page.getByLabel("用户名", { exact: true }).fill("zy-commander");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("密码", { exact: true }).press("Enter");
  await expect.poll(() => urls.length).toBeGreaterThan(1);
  await page.waitForLoadState();
  expect(urls.filter((u) => u.includes(encodeURIComponent(DEMO_PASSWORD)) || u.includes(DEMO_PASSWORD))).toEqual([]);
  expect(page.url()).not.toContain("password");
  await noScript.close();
});

test("API callers sign in with the documented next-auth endpoints", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: "zy-commander", password: DEMO_PASSWORD, json: "true" },
  });
  expect(res.ok()).toBeTruthy();
  const me = await (await request.get("/api/v1/me")).json();
  expect(me).toMatchObject({ role: "COMMANDER", unit: { code: "522625" } });
});
