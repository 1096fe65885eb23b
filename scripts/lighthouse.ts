/**
 * npm run lighthouse [-- /path] — Lighthouse performance, desktop and mobile presets, in
 * /usr/bin/chromium on a production server on $PORT (default 3104; started here if none
 * answers). Runs offline. Pages: /dashboard and the 2019 annual report as zy-commander,
 * /window as zy-clerk (or the one path given, as $STATS_USER; STATS_USER=- opens it signed out,
 * e.g. `STATS_USER=- npm run lighthouse -- /login`, the floor of any page). Prints each run's score and
 * metrics, the median per page and preset, and the longest main-thread task of the mobile
 * runs; writes the JSON reports to tests/.artifacts/lighthouse/. Exits 1 when a desktop
 * median is below 95 or a mobile median below 90.
 */
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { ROOT } from "./lib/database";
import { ensureProdServer, signInCookies } from "./lib/prod-server";

const port = Number(process.env.PORT ?? 3104);
const TARGETS = process.argv[2]
  ? [{ path: process.argv[2], user: process.env.STATS_USER ?? "zy-commander" }]
  : [
      { path: "/dashboard", user: "zy-commander" },
      { path: "/reports/522625/2019", user: "zy-commander" },
      { path: "/window", user: "zy-clerk" },
    ];
const runs = Number(process.env.LH_RUNS ?? 1);
const out = path.join(ROOT, "tests/.artifacts/lighthouse");
const MIN = { desktop: 95, mobile: 90 } as const;

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
const summary: string[] = [];
try {
  fs.mkdirSync(out, { recursive: true });
  for (const target of TARGETS) {
    const cookies = target.user === "-" ? [] : await signInCookies(server.baseURL, target.user);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const slug = target.path.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-") || "root";
    for (const preset of ["desktop", "mobile"] as const) {
      const scores: number[] = [];
      let longest = 0;
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          server.baseURL + target.path,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            extraHeaders: cookie ? { Cookie: cookie } : {},
          },
          preset === "desktop" ? desktopConfig : undefined,
        );
        if (!result) throw new Error("lighthouse returned nothing");
        const lhr = result.lhr;
        if (cookie && lhr.finalDisplayedUrl.includes("/login"))
          throw new Error("the audit landed on /login: the session cookie was not accepted");
        // A role the page sends elsewhere (a commander's /window is /window/supervise) would
        // measure another page under this one's name.
        const landed = new URL(lhr.finalDisplayedUrl).pathname;
        if (landed !== new URL(server.baseURL + target.path).pathname)
          throw new Error(`the audit of ${target.path} as ${target.user} landed on ${landed}: pick the user it is for`);
        const score = Math.round((lhr.categories.performance.score ?? 0) * 100);
        scores.push(score);
        // The main thread's longest task in this run (Lighthouse's "long-tasks" diagnostic, throttled).
        const tasks =
          (lhr.audits["long-tasks"]?.details as { items?: { duration: number }[] } | undefined)?.items ?? [];
        const runLongest = Math.round(Math.max(0, ...tasks.map((t) => t.duration)));
        longest = Math.max(longest, runLongest);
        const m = (id: string) => lhr.audits[id]?.displayValue ?? "—";
        console.log(
          `${target.path} ${preset} run ${i + 1}: performance ${score} — FCP ${m("first-contentful-paint")}, LCP ${m("largest-contentful-paint")}, TBT ${m("total-blocking-time")}, CLS ${m("cumulative-layout-shift")}, SI ${m("speed-index")}, longest task ${runLongest} ms`,
        );
        fs.writeFileSync(path.join(out, `${slug}-${preset}-${i + 1}.json`), String(result.report));
      }
      const median = [...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)];
      const line = `${target.path} ${preset}: median performance ${median} over ${scores.length} run(s) (${scores.join(", ")}); longest task ${longest} ms`;
      summary.push(line);
      console.log(line);
      // The field app (/field, issue 11) is a phone app: only its mobile median is gated.
      if (median < MIN[preset] && !(target.path.startsWith("/field") && preset === "desktop")) failed = true;
    }
  }
  console.log(["", "summary:", ...summary].join("\n"));
} finally {
  chrome.kill();
  await server.stop();
}
if (failed) {
  console.error(`a median below ${MIN.desktop} (desktop) or ${MIN.mobile} (mobile)`);
  process.exitCode = 1;
}
