/**
 * npm run lighthouse [-- /path] — Lighthouse performance of /dashboard (default) in
 * /usr/bin/chromium, signed in as zy-commander, on a production server on $PORT (default
 * 3104; started here if none answers). Runs offline. Prints the score and the metrics
 * for the desktop and the mobile presets, writes the JSON reports to
 * tests/.artifacts/lighthouse/, and exits 1 when a desktop score is below 90 — for the field
 * app (/field, a phone app: issue 11) when the mobile score is. LH_RUNS=3 for medians.
 */
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { ROOT } from "./lib/database";
import { ensureProdServer, signInCookies } from "./lib/prod-server";

const port = Number(process.env.PORT ?? 3104);
const target = process.argv[2] ?? "/dashboard";
const runs = Number(process.env.LH_RUNS ?? 1);
const out = path.join(ROOT, "tests/.artifacts/lighthouse");
const MIN = 90;
// The preset whose median must reach MIN: the field app is used on phones.
const gated = target.startsWith("/field") ? "mobile" : "desktop";

const server = await ensureProdServer(port);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
  ],
});
let failed = false;
try {
  const cookies = await signInCookies(server.baseURL, process.env.STATS_USER ?? "zy-commander");
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  fs.mkdirSync(out, { recursive: true });
  for (const preset of ["desktop", "mobile"] as const) {
    const scores: number[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        server.baseURL + target,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          extraHeaders: { Cookie: cookie },
        },
        preset === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error("lighthouse returned nothing");
      const lhr = result.lhr;
      if (lhr.finalDisplayedUrl.includes("/login"))
        throw new Error("the audit landed on /login: the session cookie was not accepted");
      const score = Math.round((lhr.categories.performance.score ?? 0) * 100);
      scores.push(score);
      const m = (id: string) => lhr.audits[id]?.displayValue ?? "—";
      console.log(
        `${preset} run ${i + 1}: performance ${score} — FCP ${m("first-contentful-paint")}, LCP ${m("largest-contentful-paint")}, TBT ${m("total-blocking-time")}, CLS ${m("cumulative-layout-shift")}, SI ${m("speed-index")}`,
      );
      const name = target.replace(/^\//, "").replace(/[^\w-]+/g, "-") || "root";
      fs.writeFileSync(path.join(out, `${name}-${preset}-${i + 1}.json`), String(result.report));
    }
    const median = [...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)];
    console.log(`${preset}: median performance ${median} over ${scores.length} run(s)`);
    if (preset === gated && median < MIN) failed = true;
  }
} finally {
  chrome.kill();
  await server.stop();
}
if (failed) {
  console.error(`${gated} performance below ${MIN}`);
  process.exitCode = 1;
}
