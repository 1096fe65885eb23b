/**
 * Renders the field app's icons (public/icons/field-*.png) from public/icons/field.svg with
 * the local Chromium. Run once after changing the SVG: npx tsx scripts/make-field-icons.ts
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const dir = path.join(import.meta.dirname, "../public/icons");
const svg = fs.readFileSync(path.join(dir, "field.svg"), "utf8");
const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium" });
for (const [name, size, pad] of [
  ["field-192.png", 192, 0],
  ["field-512.png", 512, 0],
  ["field-maskable-512.png", 512, 0.1],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(
    `<body style="margin:0;background:${pad ? "#1d4ed8" : "transparent"};display:grid;place-items:center;height:${size}px">` +
      svg.replace("<svg ", `<svg width="${inner}" height="${inner}" `) +
      "</body>",
  );
  await page.screenshot({ path: path.join(dir, name), omitBackground: !pad });
  await page.close();
}
await browser.close();
