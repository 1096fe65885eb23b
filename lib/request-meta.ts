import { randomUUID } from "node:crypto";

export interface RequestMeta {
  ip: string | null;
  requestId: string;
}

/** Client IP and request id from request headers (the proxy sets x-request-id). */
export function metaFromHeaders(h: Headers): RequestMeta {
  const fwd = h.get("x-forwarded-for");
  const ip = (fwd ? fwd.split(",")[0].trim() : null) || h.get("x-real-ip") || null;
  const requestId = h.get("x-request-id") || randomUUID();
  return { ip, requestId };
}

export const SYSTEM_META: RequestMeta = { ip: null, requestId: "system" };
