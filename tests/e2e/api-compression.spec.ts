/**
 * On the production build: a small JSON answer is sent as it is (gzip of a few hundred bytes
 * costs the server a zlib stream per response and saves nothing), a large one is compressed.
 * Next's server compresses every streamed body whatever its size unless the response says
 * `Cache-Control: no-transform` (lib/api/respond.ts).
 */
import { expect, pageAs, test } from "./fixtures";

const GZIP = { "accept-encoding": "gzip, deflate, br" };

test("small API answers go out uncompressed, large ones gzipped", async ({ request, browser }) => {
  const live = await request.get("/api/health/live", { headers: GZIP });
  expect(live.status()).toBe(200);
  expect(live.headers()["content-encoding"]).toBeUndefined();
  expect(live.headers()["cache-control"]).toBe("no-store, no-transform");
  expect(await live.json()).toEqual({ status: "ok" });

  // An error answer too (no session).
  const denied = await request.get("/api/v1/window/ping", { headers: GZIP });
  expect(denied.status()).toBe(401);
  expect(denied.headers()["content-encoding"]).toBeUndefined();

  const clerk = await pageAs(browser, "zy-clerk");
  const ping = await clerk.request.get("/api/v1/window/ping", { headers: GZIP });
  expect(ping.status()).toBe(200);
  expect(ping.headers()["content-encoding"]).toBeUndefined();
  expect(await ping.json()).toEqual({ ok: true });

  // A page of transactions is well above the threshold: compressed, and still the same JSON.
  const list = await clerk.request.get("/api/v1/window/transactions?limit=50", { headers: GZIP });
  expect(list.status()).toBe(200);
  expect(list.headers()["content-encoding"]).toBe("gzip");
  expect(list.headers()["cache-control"] ?? "").not.toContain("no-transform");
  const body = (await list.json()) as { items: unknown[] };
  expect(body.items.length).toBeGreaterThan(10);
  await clerk.context().close();
});
