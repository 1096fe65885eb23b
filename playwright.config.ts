import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a downloaded browser. The flags keep it from calling Google
// services this network cannot reach; swiftshader gives the map a WebGL context headless.
export const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromiumPath)) {
  // Fail before the production build, with the fix, rather than once per test.
  throw new Error(
    `No Chromium at ${chromiumPath}. Install Debian's (apt-get install -y chromium fonts-noto-cjk) or set PLAYWRIGHT_CHROMIUM_PATH.`,
  );
}
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

const laptop = { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 800 } };

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.artifacts/test-results",
  // Two cores run the server, PostgreSQL and two browsers at once: a page that loads in
  // 0.5 s alone takes 3 s here under load, and a chart-heavy test 40 s. Twice that is the
  // limit; a test that hangs still fails.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "tests/.artifacts/playwright-report" }]],
  // The suite's audit log must still verify at the end (npm run audit:verify's check).
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: "laptop", use: { ...laptop }, grepInvert: /@timing/ },
    // Tests that assert a latency (SOS to screen, call to hall board) run last and alone:
    // on two cores, a chart-heavy test in the other worker would be measured too.
    { name: "timing", use: { ...laptop }, grep: /@timing/, dependencies: ["laptop"], workers: 1 },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 900_000,
    reuseExistingServer: process.env.E2E_REUSE === "1",
    stdout: "pipe",
    stderr: "pipe",
  },
});
