/**
 * The screens users stumbled on, at a laptop (1366×900), a tablet (820×1180) and a phone
 * (390×844): the dashboard, the beat dialog, a violation's history and the hall board. Each
 * fits its width (no sideways scroll of the page) and is saved for a person to look at:
 * tests/.artifacts/screens/screen-<what>-<width>.png.
 */
import type { Page } from "@playwright/test";
import { expect, pageAs, screenshot, test } from "./fixtures";
import { api, uniquePlate, ZHENYUAN } from "./records-fixtures";
import { noSidewaysScroll } from "./stats-helpers";

const SIZES = [
  { name: "1366", width: 1366, height: 900 },
  { name: "820", width: 820, height: 1180 },
  { name: "390", width: 390, height: 844 },
];

async function eachSize(page: Page, what: string, open: () => Promise<void>) {
  for (const s of SIZES) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await open();
    await noSidewaysScroll(page);
    await screenshot(page, `screen-${what}-${s.name}`);
  }
}

test("dashboard and hall board at laptop, tablet and phone widths", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  await eachSize(page, "dashboard", async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("card-accidents")).toBeVisible();
    await expect(page.getByTestId("chart-black-spots")).toBeVisible();
  });
  await eachSize(page, "hall-board", async () => {
    await page.goto("/hall/522625");
    await expect(page.getByTestId("board-latest")).toBeVisible();
  });
  await page.context().close();
});

test("a violation's history and the beat dialog at laptop, tablet and phone widths", async ({ browser }) => {
  const commander = await pageAs(browser, "zy-commander");
  const plate = uniquePlate();
  const v = await api(commander, "POST", "/api/v1/violations", {
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    ...ZHENYUAN,
    type: "illegal_parking",
    plate,
    roadName: "舞阳河路",
    fineYuan: 50,
  });
  expect(v.status).toBe(201);
  expect((await api(commander, "PATCH", `/api/v1/violations/${v.body.id}`, { status: "notified" })).status).toBe(200);
  await eachSize(commander, "violation-history", async () => {
    await commander.goto(`/violations/${v.body.id}`);
    const history = commander.getByTestId("record-history");
    await expect(history).toContainText(`新建了违法记录：违反规定停放车辆（违法停车），${plate}`);
    await history.scrollIntoViewIfNeeded();
  });
  await commander.context().close();

  const duty = await pageAs(browser, "zy-duty");
  await eachSize(duty, "beat-dialog", async () => {
    await duty.goto("/beats");
    await duty.getByTestId("add-beat").first().click();
    await expect(duty.getByTestId("save-beat")).toBeInViewport();
  });
  await duty.context().close();
});
