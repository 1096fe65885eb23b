/**
 * Sessions and passwords as people handle them: an administrator ends a user's sessions
 * from the user page (a lost phone), a person signs out everywhere from My account, and a
 * password someone else chose is changed at the first sign-in.
 */
import { expect, pageAs, screenshot, signIn, test } from "./fixtures";

test("an administrator ends all of a user's sessions from the user page", async ({ browser, makeUser }) => {
  const user = await makeUser({ role: "OFFICER", unitCode: "522625", displayName: "丢手机的民警" });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await signIn(await phone.newPage(), user.username, user.password);
  expect((await phone.request.get("/api/v1/me")).status()).toBe(200);

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/admin/users/${user.id}`);
  await expect(admin.getByTestId("open-sessions")).toHaveText("1");
  await screenshot(admin, "admin-user-sign-in");
  await admin.getByTestId("end-sessions").click();
  await admin.getByTestId("end-sessions-confirm").click();
  await expect(admin.getByText("已结束该用户的全部会话")).toBeVisible();
  await expect(admin.getByTestId("open-sessions")).toHaveText("0");
  expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
  await phone.close();
});

test("a person signs out everywhere from My account", async ({ browser, makeUser }) => {
  const user = await makeUser({ role: "CLERK", unitCode: "522625" });
  const other = await browser.newContext();
  await signIn(await other.newPage(), user.username, user.password);
  const ctx = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await ctx.newPage();
  await signIn(page, user.username, user.password);
  await page.getByTestId("user-badge").click();
  await expect(page.getByRole("heading", { name: "我的账户" })).toBeVisible();
  await screenshot(page, "account-tablet");
  await page.getByTestId("sign-out-everywhere").click();
  await page.getByTestId("sign-out-everywhere-confirm").click();
  await expect(page).toHaveURL(/\/login/);
  expect((await other.request.get("/api/v1/me")).status()).toBe(401);
  await other.close();
  await ctx.close();
});

test("a password someone else chose is changed at the first sign-in", async ({ page, makeUser, sql }) => {
  const user = await makeUser({ role: "OFFICER", unitCode: "522625" });
  await sql.query(`UPDATE users SET must_change_password = true WHERE id = $1`, [user.id]);
  await page.goto("/login");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByTestId("login-submit").click();
  await expect(page).toHaveURL(/\/login\/password/, { timeout: 20_000 });
  await page.getByLabel("当前密码").fill(user.password);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("TrafficOps-demo-2026");
  await page.getByLabel("再次输入新密码").fill("TrafficOps-demo-2026");
  await page.getByTestId("change-password-submit").click();
  await expect(page.locator("#newPassword-error")).toHaveText("不能使用公开的演示密码");
  await screenshot(page, "first-password");
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Road-beat-mine-2026");
  await page.getByLabel("再次输入新密码").fill("Road-beat-mine-2026");
  await page.getByTestId("change-password-submit").click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
  const { rows } = await sql.query(`SELECT must_change_password FROM users WHERE id = $1`, [user.id]);
  expect(rows[0].must_change_password).toBe(false);
});
