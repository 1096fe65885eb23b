import { expect, pageAs, screenshot, test } from "./fixtures";
import { originOf } from "./duty-helpers";

test.describe.configure({ mode: "serial" });

// A week well after the demo roster (which fills last week and this week), different on
// every run so the test can run again on the same database; names are unique per run too.
const RUN = String(Date.now() % 100_000);
const monday = (() => {
  const now = new Date(Date.now() + 8 * 3600_000);
  const wd = (now.getUTCDay() + 6) % 7;
  const weeks = 3 + 2 * (Math.floor(Date.now() / 1000) % 200);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - wd + 7 * weeks))
    .toISOString()
    .slice(0, 10);
})();
const LEAD = `排班警甲${RUN}`;
const LEAD2 = `排班警乙${RUN}`;
const AUX = `排班辅甲${RUN}`;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const SQUAD = "522625-03";

test("a duty officer builds a week for a squad, sees the conflict message, and copies the week", async ({
  browser,
  makeUser,
  sql,
}) => {
  const lead = await makeUser({ role: "OFFICER", unitCode: SQUAD, displayName: LEAD });
  const lead2 = await makeUser({ role: "OFFICER", unitCode: SQUAD, displayName: LEAD2 });
  const aux = await makeUser({ role: "AUXILIARY", unitCode: SQUAD, displayName: AUX });
  const page = await pageAs(browser, "zy-duty");
  await page.goto(`/beats?unit=${SQUAD}&week=${monday}`);
  const board = page.getByTestId("roster-board");
  await expect(board).toBeVisible();
  const gridRow = board.locator("tr[data-grid]").first();
  const gridName = await gridRow.getAttribute("data-grid");

  // Monday to Friday: a morning peak with a lead and an auxiliary, created by click.
  for (let d = 0; d < 5; d++) {
    await gridRow
      .locator(`td[data-day="${addDays(monday, d)}"]`)
      .getByTestId("add-beat")
      .click();
    const dialog = page.getByTestId("beat-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/路警（带班）/).selectOption(lead.id);
    await dialog.getByTestId("aux-list").getByLabel(AUX).check();
    await dialog.getByTestId("save-beat").click();
    await expect(dialog).toBeHidden();
  }
  await expect(gridRow.getByTestId("beat-card")).toHaveCount(5);

  // The same officer on another grid at an overlapping time: refused with a clear message.
  const otherRow = board.locator("tr[data-grid]").nth(1);
  await otherRow.locator(`td[data-day="${monday}"]`).getByTestId("add-beat").click();
  const dialog = page.getByTestId("beat-dialog");
  await dialog.getByLabel(/路警（带班）/).selectOption(lead.id);
  await dialog.getByLabel("开始").fill("08:00");
  await dialog.getByLabel("结束").fill("10:00");
  // Before saving, as people are picked: each is marked, and every conflict is listed at once.
  const conflicts = dialog.getByTestId("beat-conflicts");
  await expect(conflicts).toContainText(`${LEAD} 此时已在 ${gridName} 勤务`);
  await expect(dialog.getByTestId("lead-marks")).toContainText("已在勤");
  await dialog.getByTestId("aux-list").getByLabel(AUX).check();
  await expect(dialog.locator(`[data-person="${aux.id}"]`).getByTestId("mark-busy")).toBeVisible();
  await expect(conflicts.getByRole("listitem")).toHaveCount(2);
  await expect(conflicts).toContainText(AUX);
  // Saving stays in view (one scroll area), and an end before the start needs "overnight".
  await expect(dialog.getByTestId("save-beat")).toBeInViewport();
  await dialog.getByLabel("结束").fill("06:00");
  await expect(dialog.getByText("结束早于开始")).toBeVisible();
  await dialog.getByTestId("beat-overnight").check();
  await expect(dialog.getByText("结束早于开始")).toHaveCount(0);
  await dialog.getByTestId("beat-overnight").uncheck();
  await dialog.getByLabel("结束").fill("10:00");
  await screenshot(page, "duty-beat-dialog-conflicts");
  await dialog.getByTestId("aux-list").getByLabel(AUX).uncheck();
  // The database stays the final word: saving anyway is refused with the same person named.
  await dialog.getByTestId("save-beat").click();
  const alert = dialog.getByRole("alert").first();
  await expect(alert).toContainText(LEAD);
  await expect(alert).toContainText(gridName!);
  await expect(alert).toContainText("不能同时出现在两处");
  await screenshot(page, "duty-roster-conflict");
  await dialog.getByRole("button", { name: "取消" }).last().click();

  // Next week: one of its slots is already taken by the auxiliary elsewhere, so copying lists a conflict.
  const next = addDays(monday, 7);
  const grids = (await (await page.request.get(`/api/v1/grids?unit=${SQUAD}`)).json()).items as {
    id: string;
    name: string;
  }[];
  const other = grids.find((g) => g.name !== gridName)!;
  const busy = await page.request.post("/api/v1/beats", {
    headers: originOf(page),
    data: {
      gridId: other.id,
      startsAt: `${addDays(next, 2)}T06:00:00+08:00`,
      endsAt: `${addDays(next, 2)}T08:00:00+08:00`,
      shiftKind: "custom",
      leadUserId: lead2.id,
      auxiliaryUserIds: [aux.id],
    },
  });
  expect(busy.status()).toBe(201);
  // The API answers the same conflict as a 409 naming the person and the other beat.
  const clash = await page.request.post("/api/v1/beats", {
    headers: originOf(page),
    data: {
      gridId: other.id,
      startsAt: `${monday}T07:30:00+08:00`,
      endsAt: `${monday}T08:30:00+08:00`,
      shiftKind: "custom",
      leadUserId: lead.id,
    },
  });
  expect(clash.status()).toBe(409);
  const body = await clash.json();
  expect(body.error.message).toContain(LEAD);
  expect(body.error.details.otherBeatId).toBeTruthy();

  await page.goto(`/beats?unit=${SQUAD}&week=${next}`);
  await page.getByTestId("copy-week").click();
  await page.getByTestId("copy-week-confirm").click();
  const result = page.getByTestId("copy-result");
  await expect(result).toContainText("已复制 4 个勤务");
  await expect(result.getByTestId("copy-conflicts")).toContainText(AUX);
  await expect(
    page.getByTestId("roster-board").locator(`tr[data-grid="${gridName}"]`).getByTestId("beat-card"),
  ).toHaveCount(4);
  await screenshot(page, "duty-roster-copied");
  const audit = await sql.query(
    `SELECT after FROM audit_logs WHERE action = 'beat.copy_week' ORDER BY id DESC LIMIT 1`,
  );
  expect(audit.rows[0].after).toMatchObject({ created: 4, conflicts: 1 });

  // The print view lists the week with everyone's names.
  await page.goto(`/beats/print?unit=${SQUAD}&week=${monday}`);
  await expect(page.getByTestId("print-view")).toContainText(LEAD);
  await expect(page.getByTestId("print-view")).toContainText(AUX);
});

test("people who may not roster are refused in the UI and the API", async ({ browser }) => {
  const officer = await pageAs(browser, "zy-officer");
  await officer.goto(`/beats?unit=522625-01`);
  await expect(officer.getByTestId("roster-board")).toBeVisible();
  await expect(officer.getByTestId("add-beat")).toHaveCount(0);
  await expect(officer.getByTestId("copy-week")).toHaveCount(0);
  const grid = (await (await officer.request.get("/api/v1/grids?unit=522625-01")).json()).items[0];
  const me = (await (await officer.request.get("/api/v1/me")).json()).id;
  const input = {
    gridId: grid.id,
    startsAt: `${monday}T20:00:00+08:00`,
    endsAt: `${monday}T21:00:00+08:00`,
    shiftKind: "custom",
    leadUserId: me,
  };
  expect((await officer.request.post("/api/v1/beats", { data: input, headers: originOf(officer) })).status()).toBe(403);

  // Yinjiang's commander may roster — but not Zhenyuan's grids, which do not exist for them.
  const yj = await pageAs(browser, "yj-commander");
  expect((await yj.request.post("/api/v1/beats", { data: input, headers: originOf(yj) })).status()).toBe(404);
  expect((await yj.request.get(`/api/v1/grids/${grid.id}`)).status()).toBe(404);
  expect(
    (await (await yj.request.get(`/api/v1/beats?from=${monday}T00:00:00Z&to=${addDays(monday, 7)}T00:00:00Z`)).json())
      .items,
  ).toEqual([]);
  expect((await yj.goto(`/beats?unit=522625-01`))?.status()).toBe(404);
});

test("the roster board on a tablet, in English", async ({ browser }) => {
  const page = await pageAs(browser, "zy-duty");
  await page
    .context()
    .addCookies([{ name: "trafficops_locale", value: "en", url: new URL(originOf(page).origin).toString() }]);
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(`/beats?unit=522625-01`);
  await expect(page.getByRole("heading", { name: "Beat roster" })).toBeVisible();
  await expect(page.getByTestId("roster-board")).toContainText("Morning peak");
  await screenshot(page, "duty-roster-en-tablet");
});
