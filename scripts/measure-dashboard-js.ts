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
 *
 * npm run measure:field-js — the same for the field app /field at 390×844 as zy-officer
 * (budget 200 kB), and whether Chromium finds it installable (manifest and service worker:
 * Page.getInstallabilityErrors, what Chrome's install prompt itself checks; in a profile on
 * disk, as an incognito window is never installable). The app's offline warm-up (its lazy
 * parts fetched once idle, after the page's `field-warm-up` mark) is reported apart.
 */
import fs from "node:fs";
import os from "node:os";
import nodePath from "node:path";
import zlib from "node:zlib";
import { chromium, type Response } from "@playwright/test";
import { ensureProdServer, signInCookies } from "./lib/prod-server";

const port = Number(process.env.PORT ?? 3104);
const path = process.argv[2] ?? "/dashboard";
const field = path.startsWith("/field");
const BUDGET_KB = field ? 200 : 300;
const viewport = field ? { width: 390, height: 844 } : { width: 1366, height: 800 };
const user = process.env.STATS_USER ?? (field ? "zy-officer" : "zy-commander");

const server = await ensureProdServer(port);
try {
  const cookies = await signInCookies(server.baseURL, user);
  const launch = {
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  };
  const profile = field ? fs.mkdtempSync(nodePath.join(os.tmpdir(), "measure-field-")) : null;
  const ctx = profile
    ? await chromium.launchPersistentContext(profile, { ...launch, viewport })
    : await (await chromium.launch(launch)).newContext({ viewport });
  const browser = { close: () => ctx.close() };
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
          // A file asked for again (the warm-up importing a part the page already loaded, now
          // answered by the service worker, whose size Chromium reports as -1) counts once,
          // with its first size.
          const prev = js.get(res.url());
          if (prev && (prev.bytes > 0 || s.responseBodySize < 0)) return;
          js.set(res.url(), {
            bytes: Math.max(0, s.responseBodySize),
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
  if (field) {
    // A slow machine may reach "network idle" only after the warm-up began: split by its mark.
    await page.waitForFunction(() => performance.getEntriesByName("field-warm-up").length > 0, null, {
      timeout: 60_000,
    });
    const warm = await page.evaluate(() => {
      const mark = performance.getEntriesByName("field-warm-up")[0].startTime;
      return performance
        .getEntriesByType("resource")
        .filter((e) => e.startTime >= mark)
        .map((e) => e.name);
    });
    for (const u of warm) {
      const v = js.get(u);
      if (v) v.phase = "after idle (lazy parts warmed for offline)";
    }
  }
  // What loads from here on: the field app's offline warm-up, or the dashboard's panels as they scroll in.
  phase = field ? "after idle (lazy parts warmed for offline)" : "after scroll";
  let installErrors: unknown[] | null = null;
  if (field) {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
    const cdp = await ctx.newCDPSession(page);
    installErrors = ((await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] })
      .installabilityErrors;
    await page.waitForTimeout(6000);
  }
  for (let y = 0; y < 6000; y += 500) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(150);
  }
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await browser.close();

  // Files the service worker answered (Chromium gives no size for them): their gzip size
  // from the build on disk, which is what the server sends.
  for (const [url, v] of js) {
    const file = nodePath.join(process.cwd(), ".next", new URL(url).pathname.replace(/^\/_next\//, ""));
    if (v.bytes === 0 && fs.existsSync(file)) {
      v.bytes = zlib.gzipSync(fs.readFileSync(file)).length;
      v.encoding = "gzip (size from the build)";
    }
  }
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
  const later = [...js.values()].filter((v) => v.phase !== "first load").reduce((s, v) => s + v.bytes, 0);
  console.log(
    `${path}: first-load JS ${kb(first)} kB as sent (${js.size} files in all); +${kb(later)} kB ${phase}; total ${kb(first + later)} kB`,
  );
  if (installErrors)
    console.log(
      installErrors.length
        ? `not installable: ${JSON.stringify(installErrors)}`
        : "installable: Chromium reports no installability errors (manifest + service worker)",
    );
  if (installErrors?.length) process.exitCode = 1;
  if ([...js.values()].some((v) => v.encoding === "identity" && v.bytes > 1024))
    console.log("warning: some scripts were sent uncompressed");
  if (first / 1024 > BUDGET_KB) {
    console.error(`over the ${BUDGET_KB} kB budget`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
