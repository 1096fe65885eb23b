/**
 * Issue 13 on the production build: every page carries its security headers, and the
 * dashboard, the duty map and a report render under the Content-Security-Policy with no
 * violation; a client cannot choose the address or request id the audit log records.
 */
import type { Page } from "@playwright/test";
import { appOrigin, expect, pageAs, test } from "./fixtures";
import { drawAllCharts } from "./stats-helpers";
import { waitForMap } from "./duty-helpers";

/** Collects CSP violations of a page: the DOM event and the console's "Refused to…" lines. */
function watchCsp(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to|Permissions-Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `Refused to use ${e.blockedURI || "inline"} (${e.violatedDirective}) at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} — Content Security Policy: ${e.sample}`,
      );
    });
  });
  return seen;
}

test("pages carry a nonce CSP without unsafe-inline scripts, Permissions-Policy and no framing", async ({
  request,
  browser,
}) => {
  for (const path of ["/login", "/hall/522625"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    const csp = h["content-security-policy"];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(h["permissions-policy"]).toContain("geolocation=()");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    // Plain http (the test server): no HSTS, and a client's X-Forwarded-Proto does not fake https.
    expect(h["strict-transport-security"]).toBeUndefined();
    // The nonce is on Next.js's scripts and differs per request.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    const again = (await request.get(path)).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  }
  const spoofed = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(spoofed.headers()["strict-transport-security"]).toBeUndefined();

  // The field app (phones) may ask for position and camera; the portal may not.
  const officer = await pageAs(browser, "zy-officer");
  const field = await officer.request.get("/field");
  expect(field.headers()["permissions-policy"]).toContain("geolocation=(self)");
  expect(field.headers()["permissions-policy"]).toContain("camera=(self)");
  const map = await officer.request.get("/map");
  expect(map.headers()["permissions-policy"]).toContain("geolocation=()");
  await officer.context().close();
});

test("the dashboard renders its charts with no CSP violation", async ({ browser }) => {
  const page = await pageAs(browser, "zy-commander");
  const violations = watchCsp(page);
  await page.goto("/dashboard?unit=522625&period=year&year=2019");
  await expect(page.getByTestId("card-accidents")).toContainText("1,503");
  await drawAllCharts(page, 8);
  expect(violations, violations.join("\n")).toEqual([]);
  await page.context().close();
});

test("the duty map renders (its worker from /map-worker.js) with no CSP violation", async ({ browser }) => {
  const page = await pageAs(browser, "zy-duty");
  const violations = watchCsp(page);
  await page.goto("/map");
  await waitForMap(page);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  expect(violations, violations.join("\n")).toEqual([]);
  await page.context().close();
});

test("a report renders and prints with its watermark, audited, with no CSP violation", async ({ browser, sql }) => {
  const page = await pageAs(browser, "zy-commander");
  const violations = watchCsp(page);
  await page.goto("/reports/522625/2019");
  await expect(page.getByTestId("report")).toContainText("1,503");
  // Every printed page's footer says who printed it, when, from which unit (a nonce'd <style>).
  const css = await page.locator("style").evaluateAll((els) => els.map((e) => e.textContent ?? "").join("\n"));
  expect(css).toMatch(
    /@bottom-left \{ content: "导出：吴振国 \(zy-commander\) · [^"]+ · 镇远县公安局交通警察大队 \(522625\)"/,
  );
  const before = await sql.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'report.print'`);
  await page.evaluate(() => {
    window.print = () => {}; // no dialog in the test
  });
  await page.getByTestId("print-now").click();
  await expect
    .poll(
      async () =>
        (await sql.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'report.print'`)).rows[0].n,
    )
    .toBe(before.rows[0].n + 1);
  expect(violations, violations.join("\n")).toEqual([]);
  await page.context().close();
});

test("the audit log records our request id and the socket's address, not what the client sent", async ({
  playwright,
  sql,
}) => {
  const forgedId = "11111111-2222-4333-8444-555555555555";
  const ctx = await playwright.request.newContext({
    baseURL: appOrigin(),
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", "x-request-id": forgedId },
  });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: "zy-legal", password: "TrafficOps-demo-2026" },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(400);
  const me = await ctx.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["x-request-id"]).not.toBe(forgedId);
  const { rows } = await sql.query(
    `SELECT a.ip, a.request_id FROM audit_logs a JOIN users u ON u.id = a.entity_id::uuid
      WHERE a.action = 'auth.login' AND u.username = 'zy-legal' ORDER BY a.id DESC LIMIT 1`,
  );
  expect(rows[0].ip).toBe("127.0.0.1");
  expect(rows[0].request_id).not.toBe(forgedId);
  await ctx.dispose();
});
