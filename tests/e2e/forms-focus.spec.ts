import { expect, signIn, test } from "./fixtures";

/**
 * A failed submit puts the error where the user looks: the first invalid field is scrolled
 * to and focused, the summary links every field, and a length error names its limit
 * (components/ui/use-action.ts, form-errors.tsx — shared by every form).
 */
test("a failed submit on a phone focuses the first invalid field; the summary links each field", async ({
  browser,
}) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  const page = await ctx.newPage();
  await signIn(page, "zy-officer");
  await page.goto("/violations/new");
  await page.getByLabel("违法类型").selectOption("illegal_parking");
  await page.getByLabel("号牌号码").fill("贵H1");
  await page.getByLabel("备注").fill("很".repeat(1001));
  // The save button is at the bottom of a long form: the errors start far above it.
  await page.getByTestId("save-violation").click();

  const plate = page.getByLabel("号牌号码");
  await expect(plate).toBeFocused();
  await expect(plate).toBeInViewport();
  const summary = page.getByTestId("form-errors");
  await expect(summary.getByRole("link", { name: "号牌号码：号牌号码格式不正确" })).toBeVisible();
  const notesLink = summary.getByRole("link", { name: "备注：内容过长（最多 1000 个字）" });
  await expect(notesLink).toBeVisible();
  await expect(page.getByText("内容过长（最多 1000 个字）", { exact: true })).toHaveCount(1); // under the field

  // The summary's link takes the user to its field.
  await summary.scrollIntoViewIfNeeded();
  await notesLink.click();
  await expect(page.getByLabel("备注")).toBeFocused();
  await expect(page.getByLabel("备注")).toBeInViewport();
  await expect(page).toHaveURL(/\/violations\/new$/);
  await ctx.close();
});
