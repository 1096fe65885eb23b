import { expect, signIn, test } from "./fixtures";

test("five wrong passwords lock the account for 15 minutes; the right one is then refused too", async ({
  page,
  makeUser,
  sql,
}) => {
  const user = await makeUser({ role: "OFFICER", unitCode: "522625" });
  for (let i = 0; i < 5; i++) {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(user.username);
    await page.getByLabel("密码").fill(`wrong-${i}`);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("login-form").getByRole("alert")).toContainText("用户名或密码错误");
  }
  const { rows } = await sql.query(
    `SELECT locked_until > now() + interval '14 minutes' AS locked FROM users WHERE id = $1`,
    [user.id],
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

  // After the lock expires the account works again.
  await sql.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
  await signIn(page, user.username, user.password);
});
