/**
 * The field app on a phone (390×844, Chromium with its service worker): opens offline,
 * keeps captures through a browser restart, sends each exactly once even when the network
 * breaks mid-sync, shows a refused capture for fixing, refuses bad photos on the phone.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, pageAs, signIn, test } from "./fixtures";
import { firstPage, jpeg, launchPhone, openFieldOnline, outboxStates, PHONE, profileDir } from "./field-helpers";

/** A catalogue type only this file uses, so rollups and counts are exact while other tests run. */
async function makeType(sql: import("pg").Client, key: string, nameZh: string, fine: [number, number]): Promise<void> {
  await sql.query(
    `INSERT INTO violation_types (key, name_zh, name_en, fine_min_yuan, fine_max_yuan, points, serious, auxiliary_may_record, active, sort_order, updated_at)
     VALUES ($1, $2, $1, $3, $4, 3, false, true, true, -1, now()) ON CONFLICT (key) DO NOTHING`,
    [key, nameZh, fine[0], fine[1]],
  );
}

async function captureViolation(page: Page, opts: { search: string; plate: string; photo?: Buffer; next: boolean }) {
  if (!(await page.getByTestId("type-chosen").isVisible())) {
    await page.getByTestId("type-search").fill(opts.search);
    await page.getByRole("listbox").getByRole("button").first().click();
  }
  await page.getByTestId("plate-rest").fill(opts.plate);
  if (opts.photo) {
    await page
      .getByTestId("photo-input")
      .setInputFiles({ name: "scene.jpg", mimeType: "image/jpeg", buffer: opts.photo });
    await expect(page.getByTestId("photo-list").locator("li")).toHaveCount(1);
  }
  await page.getByTestId(opts.next ? "capture-save-next" : "capture-save").click();
  if (opts.next) {
    // Saved: the form is ready for the next vehicle (plate and photos cleared, the type kept).
    await expect(page.getByTestId("plate-rest")).toHaveValue("");
    await expect(page.getByTestId("photo-list").locator("li")).toHaveCount(0);
  } else await expect(page.getByTestId("outbox-summary")).toBeVisible();
}

test("offline: 20 violations with photos and 2 accidents survive a browser restart and arrive exactly once", async ({
  sql,
  browser,
}) => {
  test.setTimeout(900_000);
  const TYPE = "e2e_field_offline";
  await makeType(sql, TYPE, "现场测试违停", [50, 200]);
  const dayBefore = await sql.query(
    `SELECT coalesce(sum((by_type->>$1)::int), 0)::int AS n FROM violation_daily d JOIN units u ON u.id = d.unit_id
      WHERE u.code = '522625' AND d.day = (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    [TYPE],
  );
  const dir = profileDir();
  let ctx = await launchPhone(dir);
  let page = await firstPage(ctx);
  await openFieldOnline(page, "zy-officer");
  const photos = await Promise.all(Array.from({ length: 20 }, (_, i) => jpeg(page, i)));

  // No network: the app still opens, from the service worker's cache.
  await ctx.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("net-state")).toHaveAttribute("data-online", "0");
  await page.getByTestId("go-violation").click();
  for (let i = 0; i < 20; i++)
    await captureViolation(page, { search: "xccswt", plate: `A${70000 + i}`, photo: photos[i], next: i < 19 });
  for (let i = 0; i < 2; i++) {
    await page.getByTestId("go-accident").click();
    const plates = page.getByTestId("plate-rest");
    await plates.nth(0).fill(`B${80000 + i}`);
    await plates.nth(1).fill(`C${80000 + i}`);
    await page.getByTestId("capture-save").click();
    await expect(page.getByTestId("outbox-summary")).toBeVisible();
  }
  await expect.poll(() => outboxStates(page)).toEqual({ "violation:waiting": 20, "accident:waiting": 2 });
  const offlineUntil = new Date();

  // The browser closes; a new one on the same profile, still offline, has all 22.
  await ctx.close();
  ctx = await launchPhone(dir, { offline: true });
  page = await firstPage(ctx);
  await page.goto("/field#outbox");
  await expect(page.getByTestId("outbox-item")).toHaveCount(22);
  await expect(page.locator("[data-testid=outbox-item][data-status=waiting]")).toHaveCount(22);

  // Online, but the network breaks twice: two answers are lost after the server stored the
  // record, and the connection drops once mid-sync.
  let posts = 0;
  await ctx.route("**/api/v1/violations", async (route) => {
    posts++;
    if (posts === 4 || posts === 9) {
      await route.fetch(); // stored on the server…
      return route.abort("connectionreset"); // …but the phone never hears it
    }
    return route.continue();
  });
  const stored = async () =>
    (
      await sql.query(
        `SELECT (SELECT count(*) FROM violations WHERE type_key = $1)::int AS v,
                (SELECT count(*) FROM record_photos p JOIN violations v ON v.id = p.record_id WHERE v.type_key = $1)::int AS p`,
        [TYPE],
      )
    ).rows[0] as { v: number; p: number };
  await ctx.setOffline(false);
  await page.getByRole("button", { name: "立即上传" }).click();
  await expect.poll(async () => (await stored()).v, { timeout: 120_000 }).toBeGreaterThanOrEqual(10);
  await ctx.setOffline(true);
  // The round in flight fails at its next request: the phone says it is offline, the upload
  // button is free again (it is disabled while a round runs) and nothing is left "sending".
  await expect(page.getByTestId("net-state")).toHaveAttribute("data-online", "0");
  await expect(page.getByRole("button", { name: "立即上传" })).toBeEnabled({ timeout: 60_000 });
  await expect(page.locator("[data-testid=outbox-item][data-status=sending]")).toHaveCount(0);
  await ctx.setOffline(false);
  await page.getByRole("button", { name: "立即上传" }).click();
  await expect
    .poll(() => outboxStates(page), { timeout: 240_000, intervals: [2000] })
    .toEqual({ "violation:sent": 20, "accident:sent": 2 });

  // Exactly once: records, photos, and the day's rollups.
  expect(await stored()).toEqual({ v: 20, p: 20 });
  const rows = await sql.query(
    `SELECT id, external_ref, occurred_at, fine_yuan FROM violations WHERE type_key = $1 ORDER BY plate`,
    [TYPE],
  );
  expect(new Set(rows.rows.map((r) => r.external_ref)).size).toBe(20);
  for (const r of rows.rows) expect(new Date(r.occurred_at).getTime()).toBeLessThanOrEqual(offlineUntil.getTime());
  const acc = await sql.query(
    `SELECT count(*)::int AS n FROM accidents a JOIN users u ON u.id = a.recorded_by_id
      WHERE u.username = 'zy-officer' AND a.external_ref LIKE 'field-%' AND a.created_at > now() - interval '1 hour'`,
  );
  expect(acc.rows[0].n).toBe(2);
  const dayAfter = await sql.query(
    `SELECT coalesce(sum((by_type->>$1)::int), 0)::int AS n FROM violation_daily d JOIN units u ON u.id = d.unit_id
      WHERE u.code = '522625' AND d.day = (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    [TYPE],
  );
  expect(dayAfter.rows[0].n - dayBefore.rows[0].n).toBe(20);
  await ctx.close();

  // The commander sees the photos on the record's page; Yinjiang's commander is refused.
  const id = rows.rows[0].id as string;
  const commander = await pageAs(browser, "zy-commander");
  await commander.goto(`/violations/${id}`);
  const img = commander.getByTestId("record-photos").locator("img");
  await expect(img).toHaveCount(1);
  await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.naturalWidth)).toBeGreaterThan(0);
  const photoUrl = await img.getAttribute("src");
  const res = await commander.request.get(photoUrl!);
  expect(res.headers()["cache-control"]).toBe("private, no-store");
  const yj = await pageAs(browser, "yj-commander");
  expect((await yj.request.get(photoUrl!)).status()).toBe(404);
  expect((await yj.request.get(`/api/v1/violations/${id}/photos`)).status()).toBe(404);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a capture the server refuses shows its message, is fixed and resent while the others go through", async ({
  sql,
  browser,
}) => {
  test.setTimeout(300_000);
  const TYPE = "e2e_field_refused";
  await makeType(sql, TYPE, "退回测试违法", [100, 300]);
  const page = await pageAs(browser, "zy-officer");
  await page.setViewportSize(PHONE);
  await page.goto("/field");
  await expect(page.getByTestId("outbox-summary")).toBeVisible();
  // The catalogue changes on the server after the phone took its copy: 300 is no longer
  // allowed. The phone is on a road without signal by then (its app and parts cached), so the
  // copy it captures with is surely the old one (a copy still on its way when the catalogue
  // changed could be either).
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  await expect(page.locator("html")).toHaveAttribute("data-field-cached", "1", { timeout: 60_000 });
  await page.context().setOffline(true);
  await expect(page.getByTestId("net-state")).toHaveAttribute("data-online", "0");
  await sql.query(`UPDATE violation_types SET fine_max_yuan = 200 WHERE key = $1`, [TYPE]);
  await page.getByTestId("go-violation").click();
  await page.getByTestId("type-search").fill("thcswf");
  await page.getByRole("listbox").getByRole("button").first().click();
  await page.getByTestId("plate-rest").fill("D90001");
  await page.getByTestId("fine").fill("300");
  await page.getByTestId("capture-save-next").click();
  await expect(page.getByTestId("plate-rest")).toHaveValue("");
  await page.getByTestId("plate-rest").fill("D90002");
  await page.getByTestId("fine").fill("150");
  await page.getByTestId("capture-save").click();
  await expect(page.getByTestId("outbox-summary")).toBeVisible();
  await page.context().setOffline(false);

  await page.getByTestId("tab-outbox").click();
  const refused = page.locator("[data-testid=outbox-item][data-status=refused]");
  await expect(refused).toHaveCount(1, { timeout: 60_000 });
  await expect(refused.getByTestId("refused-message")).toHaveText("罚款超出该违法类型的法定范围");
  await expect(page.locator("[data-testid=outbox-item][data-status=sent]")).toHaveCount(1);
  await page.screenshot({ path: "/tmp/field-refused.png" });

  await refused.getByTestId("fix-item").click();
  await expect(page.getByTestId("fine-error")).toHaveText("罚款超出该违法类型的法定范围");
  await page.getByTestId("fine").fill("200");
  await page.getByTestId("capture-save").click();
  await expect(page.locator("[data-testid=outbox-item][data-status=sent]")).toHaveCount(2, { timeout: 60_000 });
  const rows = await sql.query(`SELECT plate, fine_yuan FROM violations WHERE type_key = $1 ORDER BY plate`, [TYPE]);
  expect(rows.rows).toEqual([
    { plate: "贵D90001", fine_yuan: 200 },
    { plate: "贵D90002", fine_yuan: 150 },
  ]);
});

test("photos that are too large, not images, or 10,000 × 10,000 px are refused on the phone and nothing is kept", async ({
  browser,
}) => {
  const page = await pageAs(browser, "zy-officer");
  await page.setViewportSize(PHONE);
  await page.goto("/field#violation");
  const input = page.getByTestId("photo-input");
  const problem = page.getByTestId("photo-problem");
  await input.setInputFiles({ name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(20 * 1024 * 1024, 0xff) });
  await expect(problem).toContainText("照片太大");
  await input.setInputFiles({
    name: "notes.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("just some text\n".repeat(50)),
  });
  await expect(problem).toContainText("这不是照片");
  const { pngOf } = await import("../setup/images");
  await input.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: pngOf(10_000, 10_000) });
  await expect(problem).toContainText("像素过多");
  await expect(page.getByTestId("photo-list").locator("li")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/field-photo-refused.png" });
});

test("an ended session (a lost phone) pauses the outbox: the officer signs in again and nothing is lost or doubled", async ({
  browser,
  sql,
  makeUser,
}) => {
  test.setTimeout(180_000);
  // A person of their own: ending their sessions must not sign other tests out.
  const me = await makeUser({ role: "OFFICER", unitCode: "522625", displayName: "会话测试警" });
  const ctx = await browser.newContext({ viewport: PHONE, serviceWorkers: "allow" });
  const phone = await ctx.newPage();
  await signIn(phone, me.username, me.password);
  await expect(phone).toHaveURL(/\/field$/);
  await expect(phone.getByTestId("outbox-summary")).toBeVisible();

  // The administrator ends all of their sessions from the user page.
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/admin/users/${me.id}`);
  await admin.getByTestId("end-sessions").click();
  await admin.getByTestId("end-sessions-confirm").click();
  await expect(admin.getByTestId("open-sessions")).toHaveText("0");

  // The phone keeps capturing; sending pauses and asks for a new sign-in.
  await phone.getByTestId("go-violation").click();
  await phone.getByTestId("type-search").fill("wftc");
  await phone.getByRole("listbox").getByRole("button").first().click();
  await phone.getByTestId("plate-rest").fill("E90001");
  await phone.getByTestId("capture-save").click();
  await expect(phone.getByTestId("sign-in-again")).toBeVisible({ timeout: 30_000 });
  expect(await outboxStates(phone)).toEqual({ "violation:waiting": 1 });

  await phone.getByTestId("sign-in-again").getByRole("link").click();
  await phone.getByLabel(/用户名|Username/).fill(me.username);
  await phone.getByLabel(/密码|Password/).fill(me.password);
  await phone.getByTestId("login-submit").click();
  await expect(phone).toHaveURL(/\/field$/, { timeout: 20_000 });
  await expect.poll(() => outboxStates(phone), { timeout: 60_000 }).toEqual({ "violation:sent": 1 });
  const rows = await sql.query(
    `SELECT count(*)::int AS n FROM violations v JOIN users u ON u.id = v.recorded_by_id WHERE u.id = $1 AND v.plate = '贵E90001'`,
    [me.id],
  );
  expect(rows.rows[0].n).toBe(1);
  await ctx.close();
});
