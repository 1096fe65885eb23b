/**
 * Issue 13 in the browser (the vitest versions are tests/security/identity.test.ts):
 * a copied cookie after sign-out (finding 3), the open redirect after sign-in (7), and a
 * disabled user's open duty stream (5).
 */
import { appOrigin, expect, signIn, test } from "./fixtures";

test("a copied session cookie stops working when its owner signs out", async ({ browser, makeUser }) => {
  const user = await makeUser({ role: "DUTY_OFFICER", unitCode: "522625" }); // lands in the portal (officers land on /field)
  const owner = await browser.newContext();
  const page = await owner.newPage();
  await signIn(page, user.username, user.password);
  const thief = await browser.newContext({ storageState: await owner.storageState() });
  expect((await thief.request.get("/api/v1/me")).status()).toBe(200);
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
  expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
  await owner.close();
  await thief.close();
});

test("callbackUrl=/%5Cevil.example does not take a signed-in person off the site", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "OFFICER", unitCode: "522625" });
  await page.goto("/login?callbackUrl=/%5Cevil.example");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByTestId("login-submit").click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
  expect(new URL(page.url()).origin).toBe(appOrigin());
  // Signed in, the login page redirects at once: never to another host.
  const res = await page.request.get("/login?callbackUrl=/%5Cevil.example", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  const location = res.headers()["location"] ?? "";
  expect(new URL(location, appOrigin()).origin).toBe(appOrigin());
  expect(location).not.toMatch(/evil/);
});

test("a disabled user's open duty stream closes within the re-check interval", async ({ page, makeUser, sql }) => {
  const user = await makeUser({ role: "DUTY_OFFICER", unitCode: "522625" });
  await signIn(page, user.username, user.password);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await fetch(`${appOrigin()}/api/v1/duty/events`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await reader.read(); // the stream is open
  const closed = (async () => {
    for (;;) if ((await reader.read()).done) return Date.now();
  })();
  await sql.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
  const t0 = Date.now();
  // SSE_RECHECK_MS is 2 s on the e2e server (one minute in production).
  const end = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
  expect(end, "the stream was still open 15 s after the user was disabled").toBeGreaterThan(0);
  expect(end - t0).toBeLessThan(10_000);
});
