/**
 * npm run measure:dashboard-js — the JavaScript a cold load of /dashboard downloads, as
 * sent (gzip/br from `next start`), in a fresh browser profile signed in as zy-commander.
 *
 *   first load  JS requested until the page is loaded and idle, without scrolling
 *               (at 1366×800; what the 300 kB budget of issue 6 is about)
 *   after scroll JS added once every chart panel has been scrolled into view
 *
 * Uses a production server on $PORT (default 3104), started here if none answers.
 * Budget: first load ≤ 300 kB; exits 1 above it.
 */
import { chromium, type Response } from "@playwright/test";
import { ensureProdServer, signInCookies } from "./lib/prod-server";

const port = Number(process.env.PORT ?? 3104);
const BUDGET_KB = 300;
const path = process.argv[2] ?? "/dashboard";

const server = await ensureProdServer(port);
try {
  const cookies = await signInCookies(server.baseURL, process.env.STATS_USER ?? "zy-commander");
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  await ctx.addCookies(cookies.map((c) => ({ ...c, url: server.baseURL })));
  const page = await ctx.newPage();
  const js = new Map<string, { bytes: number; encoding: string; phase: string }>();
  let phase = "first load";
  const pending: Promise<void>[] = [];
  page.on("response", (res: Response) => {
    const type = res.request().resourceType();
    if (type !== "script" && !res.url().endsWith(".js")) return;
    pending.push(
      res
        .request()
        .sizes()
        .then((s) => {
          js.set(res.url(), {
            bytes: s.responseBodySize,
            encoding: res.headers()["content-encoding"] ?? "identity",
            phase,
          });
        })
        .catch(() => {}),
    );
  });
  await page.goto(server.baseURL + path, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  phase = "after scroll";
  for (let y = 0; y < 6000; y += 500) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(150);
  }
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await browser.close();

  const kb = (n: number) => (n / 1024).toFixed(1);
  const rows = [...js].map(([url, v]) => ({
    file: new URL(url).pathname.replace(/^\/_next\/static\/chunks\//, ""),
    kB: kb(v.bytes),
    encoding: v.encoding,
    phase: v.phase,
  }));
  console.table(rows);
  const sum = (p: string) => [...js.values()].filter((v) => v.phase === p).reduce((s, v) => s + v.bytes, 0);
  const first = sum("first load");
  const later = sum("after scroll");
  console.log(
    `${path}: first-load JS ${kb(first)} kB as sent (${js.size} files in all); +${kb(later)} kB after scrolling through every chart; total ${kb(first + later)} kB`,
  );
  if ([...js.values()].some((v) => v.encoding === "identity" && v.bytes > 1024))
    console.log("warning: some scripts were sent uncompressed");
  if (first / 1024 > BUDGET_KB) {
    console.error(`over the ${BUDGET_KB} kB budget`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
