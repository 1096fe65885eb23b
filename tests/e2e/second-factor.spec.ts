/**
 * The second factor as a person meets it: a new commander enrols at first sign-in (QR code
 * and key, a code from the app, recovery codes), then signs in again with a code made here
 * by the same RFC 6238 algorithm an authenticator app uses. Screenshots at laptop and
 * phone widths, Chinese and English.
 */
import { Secret, TOTP } from "otpauth";
import { expect, hydrated, screenshot, settle, test } from "./fixtures";
import type { Page } from "@playwright/test";

const codeFor = (secret: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });

async function typeCredentials(page: Page, username: string, password: string) {
  settle(page);
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByTestId("login-submit").click();
}

// Two sign-ins, an enrolment and two dashboards: slow on two busy cores.
test.slow();

test("a new commander enrols at first sign-in and signs in again with a code", async ({ browser, makeUser, sql }) => {
  const user = await makeUser({ role: "COMMANDER", unitCode: "522625", displayName: "新大队长" });
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await ctx.newPage();
  await typeCredentials(page, user.username, user.password);

  // The portal does not open: enrolment first.
  await expect(page).toHaveURL(/\/login\/enrol/, { timeout: 20_000 });
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "设置双因素认证" })).toBeVisible();
  await expect(page.getByTestId("totp-qr").locator("svg")).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await screenshot(page, "totp-enrol-laptop-zh");
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");

  await page.getByLabel("6 位验证码").fill("123");
  await page.getByTestId("enrol-submit").click();
  await expect(page.getByText("请输入 6 位数字验证码")).toBeVisible();
  await page.getByLabel("6 位验证码").fill(codeFor(secret));
  await page.getByTestId("enrol-submit").click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  await screenshot(page, "totp-recovery-codes-laptop-zh");
  await page.getByTestId("recovery-continue").click();
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 20_000 });
  const { rows } = await sql.query(`SELECT totp_enabled_at IS NOT NULL AS on FROM users WHERE id = $1`, [user.id]);
  expect(rows[0].on).toBe(true);
  await ctx.close();

  // Next sign-in, on a phone: the code step, in English too.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  await typeCredentials(p2, user.username, user.password);
  await expect(p2).toHaveURL(/\/login\/verify/, { timeout: 20_000 });
  await hydrated(p2);
  await screenshot(p2, "totp-verify-phone-zh");
  await p2.getByLabel("验证码或恢复码").fill("000000");
  await p2.getByTestId("verify-submit").click();
  await expect(p2.getByText("验证码或恢复码不正确")).toBeVisible();
  await p2.getByTestId("language-switch").click();
  await expect(p2.getByRole("heading", { name: "Two-factor check" })).toBeVisible();
  await screenshot(p2, "totp-verify-phone-en");
  // The code of the next 30-second step: the one just used at enrolment is not accepted twice.
  await p2.getByLabel("Code or recovery code").fill(codeFor(secret, Date.now() + 30_000));
  await p2.getByTestId("verify-submit").click();
  await expect(p2).toHaveURL(/\/dashboard/, { timeout: 20_000 });
  expect((await p2.request.get("/api/v1/me")).status()).toBe(200);
  await phone.close();
});

test("the enrolment page at phone width in English", async ({ browser, makeUser }) => {
  const user = await makeUser({ role: "ADMIN", unitCode: "522625" });
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await typeCredentials(page, user.username, user.password);
  await expect(page).toHaveURL(/\/login\/enrol/, { timeout: 20_000 });
  await hydrated(page);
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
  await screenshot(page, "totp-enrol-phone-en");
  // "Sign in as someone else" ends the half-made session.
  await page.getByTestId("stage-sign-out").click();
  await expect(page).toHaveURL(/\/login$/);
  await ctx.close();
});
