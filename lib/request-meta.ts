/**
 * Who sent a request, and which request it is, from headers we can trust.
 *
 * Next.js only fills `x-forwarded-for` from the socket when the client did not send one,
 * so a client could name any address. `installForwardedHeaders()` (called once per server
 * from instrumentation.ts) rewrites the forwarded headers of every incoming request before
 * Next.js reads them: a peer listed in TRUSTED_PROXIES keeps its `X-Forwarded-For` chain
 * (the peer appended), `X-Forwarded-Proto` and `X-Forwarded-Host`; anyone else gets
 * `X-Forwarded-For: <peer>` and no forwarded proto or host. Every request also gets a
 * fresh `x-request-id` of ours: the client's is never taken as given.
 *
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (`127.0.0.1,10.0.0.0/8,
 * fd00::/8`), or `loopback`. Unset: no proxy is trusted.
 */
import { randomUUID } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { isUuid } from "@/lib/validation";

export interface RequestMeta {
  /** The client's address as people write it (`127.0.0.1`, not `::ffff:127.0.0.1`), or null. */
  ip: string | null;
  requestId: string;
}

export const SYSTEM_META: RequestMeta = { ip: null, requestId: "system" };

let cached: { spec: string; list: BlockList | null } | null = null;

/** The TRUSTED_PROXIES list (null when none is trusted). Malformed entries are ignored with a warning. */
export function trustedProxies(spec = process.env.TRUSTED_PROXIES ?? ""): BlockList | null {
  if (cached?.spec === spec) return cached.list;
  const list = new BlockList();
  let any = false;
  for (const raw of spec.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      any = true;
      continue;
    }
    const [addr, bits] = entry.split("/");
    const family = isIP(addr);
    const max = family === 4 ? 32 : 128;
    if (!family || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      console.warn(`[trafficops] TRUSTED_PROXIES: ignoring "${entry}" (not an address or CIDR range)`);
      continue;
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
    any = true;
  }
  cached = { spec, list: any ? list : null };
  return cached.list;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; anything that is not an address → null. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  if (s.startsWith("[") && s.includes("]")) s = s.slice(1, s.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  if (mapped) s = mapped[1];
  return isIP(s) ? s.toLowerCase() : null;
}

export function isTrustedProxy(ip: string | null, list = trustedProxies()): boolean {
  if (!ip || !list) return false;
  const family = isIP(ip);
  return family !== 0 && list.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address from a (normalized) X-Forwarded-For: the right-most entry is the
 * peer that connected to us; proxies in TRUSTED_PROXIES are skipped from the right, and
 * the first address that is not one of them is the client.
 */
export function clientIp(h: Headers): string | null {
  const chain = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim());
  const list = trustedProxies();
  for (let i = chain.length - 1; i >= 0; i--) {
    const ip = normalizeIp(chain[i]);
    if (!ip) return null;
    if (i === 0 || !isTrustedProxy(ip, list)) return ip;
  }
  return null;
}

/** Client address and request id (ours: set for every request by the forwarded-headers hook). */
export function metaFromHeaders(h: Headers): RequestMeta {
  const rid = h.get("x-request-id");
  return { ip: clientIp(h), requestId: isUuid(rid) ? rid : randomUUID() };
}

/** The peer that connected to us: the right-most X-Forwarded-For entry (after the rewrite). */
function peerOf(h: Headers): string | null {
  return normalizeIp((h.get("x-forwarded-for") ?? "").split(",").pop());
}

/** Whether the peer is a proxy listed in TRUSTED_PROXIES (its forwarded headers count). */
export function fromTrustedProxy(h: Headers): boolean {
  return isTrustedProxy(peerOf(h));
}

/**
 * Whether the client reached us over https: only a trusted proxy can say so (Next.js itself
 * serves plain http), in X-Forwarded-Proto.
 */
export function requestIsHttps(h: Headers): boolean {
  return fromTrustedProxy(h) && (h.get("x-forwarded-proto") ?? "").split(",")[0].trim().toLowerCase() === "https";
}

interface IncomingLike {
  headers: Record<string, string | string[] | undefined>;
}

/** Rewrites one incoming request's forwarded headers (see the top of this file). */
export function normalizeForwardedHeaders(req: IncomingLike, peerAddress: string | undefined): void {
  const h = req.headers;
  const peer = normalizeIp(peerAddress) ?? "0.0.0.0";
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);
  if (isTrustedProxy(peer)) {
    const xff = first(h["x-forwarded-for"]);
    h["x-forwarded-for"] = xff ? `${xff}, ${peer}` : peer;
  } else {
    h["x-forwarded-for"] = peer;
    delete h["x-forwarded-proto"];
    delete h["x-forwarded-host"];
    delete h["x-forwarded-port"];
  }
  delete h["x-real-ip"];
  delete h["forwarded"];
  h["x-request-id"] = randomUUID();
}

const HOOK = Symbol.for("trafficops.forwardedHeaders");

/**
 * Installs the rewrite for every request this process's HTTP servers receive. It runs
 * on Node's `http.server.request.start` diagnostics channel, which fires before the
 * server's request handlers (Next.js among them) see the request.
 */
export async function installForwardedHeaders(): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[HOOK]) return;
  g[HOOK] = true;
  const dc = await import("node:diagnostics_channel");
  dc.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingLike; socket: { remoteAddress?: string } };
    normalizeForwardedHeaders(request, socket?.remoteAddress);
  });
}
