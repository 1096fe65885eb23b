import { expect, signIn, test } from "./fixtures";

test.slow();
test("five wrong passwords lock the account for 15 minutes from this address; the right one is then refused too, and an open session goes on", async ({
  page,
  browser,
  makeUser,
  sql,
}) => {
  const user = await makeUser({ role: "OFFICER", unitCode: "522625" });
  // The owner is signed in elsewhere: a lock must not end that session (finding 4).
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, user.username, user.password);

  for (let i = 0; i < 5; i++) {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(user.username);
    await page.getByLabel("密码").fill(`wrong-${i}`);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("login-form").getByRole("alert")).toContainText("用户名或密码错误");
  }
  const { rows } = await sql.query(
    `SELECT expire > (extract(epoch from now()) * 1000 + 14 * 60000)::bigint AS locked
       FROM auth_rate_limits WHERE key LIKE $1`,
    [`aa:${user.username}|%`],
  );
  expect(rows[0].locked).toBe(true);

  await page.goto("/login");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-form").getByRole("alert")).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);

  // An unknown name gets exactly the same answer.
  await page.goto("/login");
  await page.getByLabel("用户名").fill("no-such-user");
  await page.getByLabel("密码").fill("whatever-123");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-form").getByRole("alert")).toContainText("用户名或密码错误");

  // The owner's session still works.
  const me = await ownerPage.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  await owner.close();

  // After the lock expires the account works again.
  await sql.query(`UPDATE auth_rate_limits SET expire = 0 WHERE key LIKE $1`, [`aa:${user.username}|%`]);
  await signIn(page, user.username, user.password);
});
