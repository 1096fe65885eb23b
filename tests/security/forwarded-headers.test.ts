/**
 * Issue 13, findings 6, 9 and 10: a client must not choose the address or request id the
 * audit records, nor the Host/proto the origin check and Secure cookies rely on. The
 * rewrite runs on every request of a real HTTP server (installForwardedHeaders, as
 * instrumentation.ts installs it); the helpers read the result.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/auth/origin";
import { secureCookies, sessionCookieName } from "@/lib/auth/session-config";
import { clientIp, installForwardedHeaders, metaFromHeaders, normalizeIp } from "@/lib/request-meta";

let server: http.Server;
let base = "";

beforeAll(async () => {
  await installForwardedHeaders();
  server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

/** The headers our handler saw, as a Headers object. */
async function seen(headers: Record<string, string>): Promise<Headers> {
  const body = await new Promise<string>((resolve, reject) => {
    http
      .get(`${base}/x`, { headers, agent: false }, (res) => {
        let d = "";
        res.on("data", (c) => (d += c));
        res.on("end", () => resolve(d));
      })
      .on("error", reject);
  });
  return new Headers(JSON.parse(body));
}

const spoof = {
  "x-forwarded-for": "203.0.113.9",
  "x-real-ip": "203.0.113.10",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-request-id": "00000000-0000-4000-8000-000000000000",
};

describe("forwarded headers from an untrusted peer", () => {
  it("the address is the socket's, not X-Forwarded-For or X-Real-IP", async () => {
    const h = await seen(spoof);
    expect(clientIp(h)).toBe("127.0.0.1");
    expect(metaFromHeaders(h).ip).toBe("127.0.0.1");
    expect(h.get("x-real-ip")).toBeNull();
  });

  it("the request id is ours, never the client's", async () => {
    const h = await seen(spoof);
    const id = metaFromHeaders(h).requestId;
    expect(id).not.toBe(spoof["x-request-id"]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await seen(spoof);
    expect(metaFromHeaders(again).requestId).not.toBe(id);
  });

  it("X-Forwarded-Host and -Proto are dropped: the origin check uses Host, cookies stay as the socket says", async () => {
    const h = await seen({ ...spoof, origin: "http://evil.example" });
    expect(h.get("x-forwarded-host")).toBeNull();
    expect(() => assertSameOrigin("POST", h)).toThrow(/cross-origin/);
    expect(() => assertSameOrigin("POST", new Headers({ ...Object.fromEntries(h), origin: base }))).not.toThrow();
    expect(secureCookies(h)).toBe(false);
  });

  it("without the rewrite (in-process calls), a forged X-Forwarded-Host is still not trusted", () => {
    const h = new Headers({ host: "portal.local", "x-forwarded-host": "evil.example", origin: "http://evil.example" });
    expect(() => assertSameOrigin("POST", h)).toThrow(/cross-origin/);
  });
});

describe("forwarded headers from a proxy in TRUSTED_PROXIES", () => {
  it("keeps the chain and takes the first untrusted address from the right", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8";
    const h = await seen({ ...spoof, "x-forwarded-for": "198.51.100.7, 203.0.113.9, 10.1.2.3" });
    expect(h.get("x-forwarded-for")).toBe("198.51.100.7, 203.0.113.9, 10.1.2.3, 127.0.0.1");
    // 127.0.0.1 (peer) and 10.1.2.3 are proxies; 203.0.113.9 is the first that is not.
    expect(clientIp(h)).toBe("203.0.113.9");
  });

  it("a TLS proxy's X-Forwarded-Proto keeps cookies Secure when NEXTAUTH_URL is not set", async () => {
    process.env.TRUSTED_PROXIES = "loopback";
    const saved = process.env.NEXTAUTH_URL;
    delete process.env.NEXTAUTH_URL;
    try {
      const h = await seen({ "x-forwarded-proto": "https", "x-forwarded-host": "portal.example" });
      expect(secureCookies(h)).toBe(true);
      expect(sessionCookieName(h)).toBe("__Secure-next-auth.session-token");
      expect(() =>
        assertSameOrigin("POST", new Headers({ ...Object.fromEntries(h), origin: "https://portal.example" })),
      ).not.toThrow();
    } finally {
      if (saved !== undefined) process.env.NEXTAUTH_URL = saved;
    }
  });

  it("a peer outside the list is not trusted even when others are", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    const h = await seen(spoof);
    expect(clientIp(h)).toBe("127.0.0.1");
    // Dropped; Next.js then sets it from the socket (http here).
    expect(h.get("x-forwarded-proto")).toBeNull();
  });
});

describe("address normalization", () => {
  it("writes addresses as people do and refuses what is not an address", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeIp("evil'; DROP TABLE users;--")).toBeNull();
  });
});
