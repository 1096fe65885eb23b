/**
 * Issue 13, finding 9: Content-Security-Policy with a per-request nonce, HSTS over https
 * only (and only when a trusted proxy says so), Permissions-Policy with position and camera
 * only for the field app, no framing. Calls proxy.ts as Next.js does.
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy, permissionsPolicy } from "@/lib/csp";
import { proxy } from "@/proxy";

const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://portal.local${path}`, { headers: { host: "portal.local", ...headers } }));

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("page security headers", () => {
  it("a page gets a CSP whose nonce is fresh per request and reaches Next.js's renderer", async () => {
    const a = await get("/login", { "x-forwarded-for": "127.0.0.1" });
    const b = await get("/login", { "x-forwarded-for": "127.0.0.1" });
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // Next.js reads the nonce from the request's CSP header (x-middleware-request-*).
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(/'nonce-([^']+)'/.exec(csp)![1]);
  });

  it("HSTS and upgrade-insecure-requests only over https from a trusted proxy", async () => {
    // A client (no proxy is trusted) claiming https gets no HSTS.
    const spoofed = await get("/login", { "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https" });
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
    process.env.TRUSTED_PROXIES = "loopback";
    const viaProxy = await get("/login", {
      "x-forwarded-for": "198.51.100.1, 127.0.0.1",
      "x-forwarded-proto": "https",
    });
    expect(viaProxy.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(viaProxy.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const plain = await get("/login", { "x-forwarded-for": "127.0.0.1" });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("position and camera only on /field pages", () => {
    expect(permissionsPolicy("/field")).toContain("geolocation=(self)");
    expect(permissionsPolicy("/field/capture")).toContain("camera=(self)");
    expect(permissionsPolicy("/fieldwork")).toContain("geolocation=()");
    expect(permissionsPolicy("/map")).toContain("camera=()");
  });

  it("dev mode allows eval (React's debugging) but production never does", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: false })).not.toContain("unsafe-eval");
  });
});
