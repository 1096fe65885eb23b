/**
 * The field app's live side: a track recorded offline reaches the map's track with its own
 * times; SOS from the phone reaches the duty map and the phone sees it acknowledged.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, pageAs, settle, signIn, test } from "./fixtures";
import { originOf, waitForMap } from "./duty-helpers";
import { dispatchIncident, phoneAs, phoneContext, workThrough, ZY_FIX } from "./field-helpers";

test("10 minutes of fixes recorded offline reach the track in order, with their original times", async ({
  browser,
  sql,
  makeUser,
}) => {
  test.setTimeout(300_000);
  const ctx = await phoneContext(browser);
  const page = settle(await ctx.newPage());
  const start = Date.now() - 11 * 60_000;
  await page.clock.install({ time: start }); // the phone's clock, driven by the test
  // A person of their own, so that no other test's positions share the track.
  const me = await makeUser({ role: "OFFICER", unitCode: "522625", displayName: "轨迹测试警" });
  await signIn(page, me.username, me.password);
  await expect(page.getByTestId("outbox-summary")).toBeVisible();
  const user = me.id;

  await ctx.setOffline(true);
  await page.getByTestId("duty-switch").check();
  await expect(page.getByTestId("last-fix")).toContainText("精度");
  for (let i = 1; i <= 20; i++) {
    await page.clock.fastForward(30_000);
    await ctx.setGeolocation({ ...ZY_FIX, latitude: ZY_FIX.latitude + i * 0.0006 });
    await expect(page.getByTestId("outbox-summary")).toContainText(`${i + 1} 个定位点待上传`);
  }
  const offlineEnd = Date.now();
  await ctx.setOffline(false);
  await expect(page.getByTestId("outbox-summary")).not.toContainText("定位点待上传", { timeout: 60_000 });

  // What the map's track shows (GET /api/v1/positions/track, as the duty officer).
  const duty = await pageAs(browser, "zy-duty");
  const q = new URLSearchParams({
    user,
    from: new Date(start - 60_000).toISOString(),
    to: new Date(start + 12 * 60_000).toISOString(),
  });
  const track = (await (await duty.request.get(`/api/v1/positions/track?${q}`)).json()).items as {
    at?: string;
    occurredAt?: string;
    lat: number;
  }[];
  const times = track.map((f) => Date.parse(f.at ?? f.occurredAt!));
  expect(track.length).toBe(21);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(times[20] - times[0]).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
  expect(track.map((f) => f.lat)).toEqual([...track.map((f) => f.lat)].sort((a, b) => a - b));
  // …and on the live map: the officer's popup draws and counts the same track.
  await duty.goto("/map");
  await waitForMap(duty);
  await duty.getByTestId("people-list").getByText("轨迹测试警").click();
  const onMap = duty.getByTestId("person-track");
  await expect(onMap).toHaveAttribute("data-count", /\d+/, { timeout: 15_000 });
  const mapTimes = (await onMap.getAttribute("data-times"))!.split(",").map((x) => Date.parse(x));
  for (const t of times) expect(mapTimes).toContain(t);
  expect(mapTimes).toEqual([...mapTimes].sort((a, b) => a - b));
  await duty.screenshot({ path: "/tmp/field-track-on-map.png" });
  const received = await sql.query(
    `SELECT min(received_at) AS r FROM positions WHERE user_id = $1 AND occurred_at BETWEEN $2 AND $3`,
    [user, new Date(start - 60_000), new Date(start + 12 * 60_000)],
  );
  expect(new Date(received.rows[0].r).getTime()).toBeGreaterThanOrEqual(offlineEnd - 2000); // sent after reconnect
  await ctx.close();
});

test("a dispatch shows on /field live: accept, on scene, handled, then an accident prefilled from the incident", async ({
  browser,
  sql,
  makeUser,
}) => {
  test.setTimeout(180_000);
  // A responder of their own, so no other test's dispatches share the panel.
  const me = await makeUser({ role: "OFFICER", unitCode: "522625", displayName: "派警测试警" });
  const { ctx, phone } = await phoneAs(browser, me);
  await expect(phone.getByTestId("field-dispatches")).toContainText("目前没有派给您的警情");
  await expect(phone.getByTestId("incident-live")).toHaveAttribute("data-status", "live", { timeout: 15_000 });

  const id = await dispatchIncident(browser, me.id, {
    lat: 27.0512,
    lng: 108.4321,
    roadName: "舞阳大道",
    address: "舞阳大道派警测试点",
    description: "两车刮擦",
  });
  const card = phone.locator(`[data-testid=assigned-incident][data-id="${id}"]`);
  await expect(card).toBeVisible({ timeout: 10_000 });
  await expect(card).toContainText("舞阳大道派警测试点");
  await workThrough(card);
  await phone.screenshot({ path: "/tmp/field-dispatch-handled.png" });
  await card.getByTestId("record-accident").click();

  const form = phone.getByTestId("accident-form");
  await expect(form.getByTestId("for-incident")).toContainText("舞阳大道派警测试点");
  await phone.screenshot({ path: "/tmp/field-dispatch-accident.png", fullPage: true });
  await form.getByTestId("capture-save").click();
  await expect(phone.getByTestId("outbox-summary")).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await sql.query(
            `SELECT count(*)::int AS n, min(a.lat)::float AS lat, min(a.road_name) AS road
               FROM accidents a WHERE a.incident_id = $1 AND a.recorded_by_id = $2`,
            [id, me.id],
          )
        ).rows[0],
      { timeout: 60_000 },
    )
    .toEqual({ n: 1, lat: 27.0512, road: "舞阳大道" });
  await ctx.close();
});

test("a dispatch sent while the phone is offline shows after reconnect and is accepted, on scene, handled", async ({
  browser,
  sql,
  makeUser,
}) => {
  test.setTimeout(180_000);
  const me = await makeUser({ role: "OFFICER", unitCode: "522625", displayName: "离线派警测试警" });
  const { ctx, phone } = await phoneAs(browser, me);
  const panel = phone.getByTestId("field-dispatches");
  await expect(panel).toContainText("目前没有派给您的警情");
  const live = phone.getByTestId("incident-live");
  await expect(live).toHaveAttribute("data-status", "live", { timeout: 15_000 });

  // The signal drops: the phone says so and its live stream is down.
  await ctx.setOffline(true);
  await expect(phone.getByTestId("net-state")).toHaveAttribute("data-online", "0");
  await expect(panel).toContainText("派警在恢复网络后显示");
  await expect(live).not.toHaveAttribute("data-status", "live");

  const id = await dispatchIncident(browser, me.id, { lat: 27.0534, lng: 108.4302, address: "离线派警测试点" });
  const card = phone.locator(`[data-testid=assigned-incident][data-id="${id}"]`);
  await expect(card).toHaveCount(0); // nothing reaches a phone without signal

  // The signal is back: the stream reconnects at once, the list is read again, the dispatch shows.
  const back = new Date();
  await ctx.setOffline(false);
  await expect(live).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText("离线派警测试点");
  await expect(card).toHaveAttribute("data-status", "dispatched");
  await workThrough(card);
  const row = (
    await sql.query(
      `SELECT status, accepted_by_id, arrived_by_id, arrived_auto, handled_by_id, accepted_at, dispatched_at
         FROM incidents WHERE id = $1`,
      [id],
    )
  ).rows[0];
  expect(row).toMatchObject({
    status: "handled",
    accepted_by_id: me.id,
    arrived_by_id: me.id,
    arrived_auto: false,
    handled_by_id: me.id,
  });
  expect(new Date(row.dispatched_at).getTime()).toBeLessThan(back.getTime()); // sent while offline…
  expect(new Date(row.accepted_at).getTime()).toBeGreaterThanOrEqual(back.getTime()); // …worked after
  await ctx.close();
});

test(
  "SOS held on the phone reaches the duty map within 2 s, also raised offline; the phone sees the acknowledgement",
  { tag: "@timing" },
  async ({ browser }) => {
    test.setTimeout(240_000);
    const duty = await pageAs(browser, "zy-duty");
    await duty.goto("/map");
    await waitForMap(duty);
    await expect(duty.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });

    const { ctx, phone } = await phoneAs(browser, { username: "zy-aux" });
    await expect(phone.getByTestId("outbox-summary")).toBeVisible();
    const hold = async () => {
      await phone.getByTestId("sos-button").hover();
      await phone.mouse.down();
      await expect(phone.getByTestId("sos-state")).toBeVisible({ timeout: 5000 });
      await phone.mouse.up();
    };
    const resolveOpen = async () => {
      for (const s of (await (await duty.request.get("/api/v1/sos")).json()).items as { id: string; name: string }[])
        await duty.request.post(`/api/v1/sos/${s.id}/resolve`, { data: { note: "e2e" }, headers: originOf(duty) });
    };
    await resolveOpen();
    const latency: Record<string, number> = {};

    // Online: held, sent at once.
    await hold();
    const raisedAt = Number(await phone.getByTestId("sos-state").getAttribute("data-raised-at"));
    const banner = duty.locator("[data-testid=sos-banner]").filter({ hasText: "邰小军" });
    await expect(banner).toBeVisible({ timeout: 10_000 });
    latency.onlineMs = Number(await banner.getAttribute("data-shown-at")) - raisedAt;
    await banner.getByTestId("sos-ack").click();
    await expect(phone.getByTestId("sos-state")).toHaveAttribute("data-state", "acknowledged", { timeout: 15_000 });
    await expect(phone.getByTestId("sos-state")).toContainText("指挥中心已确认");
    await phone.screenshot({ path: "/tmp/field-sos-ack.png" });
    await resolveOpen();
    await expect(banner).toHaveCount(0);

    // Offline: queued, the screen says it has not been delivered; delivered on reconnect.
    await phone.reload();
    await expect(phone.getByTestId("outbox-summary")).toBeVisible();
    await ctx.setOffline(true);
    await hold();
    await expect(phone.getByTestId("sos-state")).toHaveAttribute("data-state", "pending");
    await expect(phone.getByTestId("sos-state")).toContainText("尚未送达");
    await phone.screenshot({ path: "/tmp/field-sos-pending.png" });
    await ctx.setOffline(false);
    const back = Date.now();
    await expect(banner).toBeVisible({ timeout: 10_000 });
    latency.afterReconnectMs = Number(await banner.getAttribute("data-shown-at")) - back;
    await expect(phone.getByTestId("sos-state")).toHaveAttribute("data-state", "delivered");
    console.log("field SOS to map:", latency);
    fs.writeFileSync(
      path.join(import.meta.dirname, "../.artifacts/field-sos-latency.json"),
      JSON.stringify({ at: new Date().toISOString(), ...latency }, null, 2),
    );
    expect(latency.onlineMs).toBeLessThanOrEqual(2000);
    expect(latency.afterReconnectMs).toBeLessThanOrEqual(2000);
    await resolveOpen();
    await ctx.close();
  },
);

test("the home view does not move while its data and a dispatch list arrive after the first paint (layout shift)", async ({
  browser,
  makeUser,
}) => {
  test.setTimeout(120_000);
  const me = await makeUser({ role: "OFFICER", unitCode: "522625", displayName: "版面测试警" });
  const id = await dispatchIncident(browser, me.id, { lat: 27.0518, lng: 108.4318, address: "版面测试点" });
  const { ctx, phone } = await phoneAs(browser, me);
  await phone.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; nodes: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node }[];
      })[])
        if (!e.hadRecentInput)
          w.__shifts.push({
            value: e.value,
            nodes: e.sources.map((s) => `${s.node?.nodeName}.${(s.node as Element)?.className}`),
          });
    }).observe({ type: "layout-shift", buffered: true });
  });
  // A fresh load with no input on the page: the person's data, the lazy parts and the
  // dispatch list all come after the server's first paint.
  await phone.goto("/field");
  await expect(phone.locator(`[data-testid=assigned-incident][data-id="${id}"]`)).toBeVisible({ timeout: 20_000 });
  await expect(phone.getByTestId("outbox-summary")).toBeVisible();
  const shifts = await phone.evaluate(() => (window as unknown as { __shifts: { value: number }[] }).__shifts);
  const total = shifts.reduce((s, e) => s + e.value, 0);
  expect(total, JSON.stringify(shifts)).toBeLessThan(0.05);

  // The list is the view's last section: while it is out of view, a notice above the tab bar
  // says how many dispatches wait and brings the list into view.
  const section = phone.getByTestId("field-dispatches");
  const top = await section.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await phone.setViewportSize({ width: 390, height: Math.min(844, Math.floor(top) - 40) });
  await phone.evaluate(() => window.scrollTo(0, 0));
  const notice = phone.getByTestId("dispatch-notice");
  await expect(notice).toHaveText("派给我的警情 1 起待处置 ↓");
  await phone.screenshot({ path: "/tmp/field-dispatch-notice.png" });
  await notice.click();
  await expect(phone.locator(`[data-testid=assigned-incident][data-id="${id}"]`)).toBeInViewport();
  await expect(notice).toBeHidden();
  await ctx.close();
});
