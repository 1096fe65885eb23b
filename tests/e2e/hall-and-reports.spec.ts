import { expect, pageAs, screenshot, test } from "./fixtures";
import { makeHall, postJson } from "./window-helpers";

test("the hall board's headline follows the latest call still being served", async ({ browser, sql, makeUser }) => {
  const hall = await makeHall(sql);
  const clerk = await makeUser({ role: "CLERK", unitCode: "522625", displayName: "叫号测试" });
  const page = await pageAs(browser, clerk.username, clerk.password);
  for (let i = 0; i < 2; i++)
    expect((await postJson(page, "/api/v1/window/tickets", { category: "other", hall: hall.code })).status()).toBe(201);

  const boardCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const board = await boardCtx.newPage();
  await board.goto(`/hall/${hall.unitCode}?hall=${hall.code}`);
  await expect(board.getByText("实时")).toBeVisible();

  const call = async (window: number) =>
    (await (await postJson(page, "/api/v1/window/tickets/next", { hall: hall.code, window })).json()).ticket as {
      id: string;
      number: string;
    };
  const first = await call(1);
  const second = await call(2);
  const latest = board.getByTestId("board-latest");
  await expect(latest).toContainText(`${second.number}`);
  await expect(latest).toContainText("2 号窗口");

  // The ticket at window 2 leaves (a no-show): its tile and the headline no longer show it;
  // the headline goes back to the call still at window 1.
  expect((await postJson(page, `/api/v1/window/tickets/${second.id}/no-show`, {})).status()).toBe(200);
  await expect(board.locator('[data-window="2"]')).not.toContainText(second.number);
  await expect(latest).toContainText(first.number);
  await expect(latest).toContainText("1 号窗口");
  await screenshot(board, "hall-board-headline");
  // A reload agrees with the live board.
  await board.reload();
  await expect(board.getByTestId("board-latest")).toContainText(first.number);

  expect((await postJson(page, `/api/v1/window/tickets/${first.id}/no-show`, {})).status()).toBe(200);
  await expect(latest).not.toContainText(first.number);
  await expect(latest).toHaveText("—");
  await boardCtx.close();
});

test("/reports opens on the latest year with figures", async ({ browser, sql }) => {
  const page = await pageAs(browser, "zy-commander");
  await page.goto("/reports");
  // The demo data runs up to today: this year has figures, so it is the default.
  const thisYear = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
  await expect(page.getByTestId("report-year")).toHaveValue(thisYear);
  // Yinjiang's demo figures end in 2024 (the published year); other tests may add later records:
  // the default is the latest year its daily figures hold, not this year and not blindly last year.
  const { rows } = await sql.query<{ y: number }>(
    `SELECT max(extract(year FROM d.day))::int AS y FROM units u JOIN (
       SELECT unit_id, day FROM violation_daily UNION ALL SELECT unit_id, day FROM accident_daily
       UNION ALL SELECT unit_id, day FROM window_daily) d ON d.unit_id = u.id
      WHERE u.code = '520626'`,
  );
  expect(rows[0].y).toBeGreaterThanOrEqual(2024);
  const yj = await pageAs(browser, "yj-commander");
  await yj.goto("/reports");
  await expect(yj.getByTestId("report-year")).toHaveValue(String(rows[0].y));
});
