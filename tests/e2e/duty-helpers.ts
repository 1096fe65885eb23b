/** Helpers for the grid-duty end-to-end tests (kept out of the shared fixtures file). */
import type { Page, Request } from "@playwright/test";
import { appOrigin, expect } from "./fixtures";

/** Same-origin headers for cookie-authenticated writes through page.request. */
export const originOf = (_page?: Page) => ({ origin: appOrigin() });

/**
 * Collects every request whose origin is not the app's own (data: and blob: URLs are
 * local). The duty map must work on an air-gapped intranet: the list must stay empty.
 */
export function watchForeignRequests(page: Page, baseURL: string): string[] {
  const own = new URL(baseURL).origin;
  const foreign: string[] = [];
  page.context().on("request", (r: Request) => {
    const u = r.url();
    if (u.startsWith("data:") || u.startsWith("blob:")) return;
    if (new URL(u).origin !== own) foreign.push(u);
  });
  return foreign;
}

/** Waits until the map's WebGL canvas has loaded its style and data. */
export async function waitForMap(page: Page, testId = "duty-map") {
  await expect(
    page.getByTestId(testId).locator(".maplibregl-map[data-loaded='true'], .mapboxgl-map[data-loaded='true']"),
  ).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(800); // let the first frames render
}

/** Counts pixels of the element's screenshot near each target colour (decoded in the page). */
export async function countColours(
  page: Page,
  selector: string,
  targets: Record<string, [number, number, number]>,
  tolerance = 14,
): Promise<Record<string, number>> {
  const png = (await page.locator(selector).screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, targets, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const out: Record<string, number> = Object.fromEntries(Object.keys(targets).map((k) => [k, 0]));
      for (let i = 0; i < d.length; i += 4) {
        for (const [k, [r, g, b]] of Object.entries(targets)) {
          if (
            Math.abs(d[i] - r) <= tolerance &&
            Math.abs(d[i + 1] - g) <= tolerance &&
            Math.abs(d[i + 2] - b) <= tolerance
          )
            out[k]++;
        }
      }
      return out;
    },
    { png, targets, tolerance },
  );
}

/** The risk fills as they look over the county's light background (38 % opacity). */
export const RISK_ON_MAP: Record<string, [number, number, number]> = {
  red: [237, 169, 171],
  yellow: [243, 223, 159],
  green: [162, 217, 184],
};
