/** Calls a route handler the way Next.js would, with a bearer token (no session, no next/headers). */
import { NextRequest } from "next/server";

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

export async function call<P = Record<string, string>>(
  handler: Handler<P>,
  opts: {
    method?: string;
    path?: string;
    token?: string;
    body?: unknown;
    /** A raw body; a stream is sent chunked (no Content-Length). */
    rawBody?: string | ReadableStream<Uint8Array>;
    headers?: Record<string, string>;
    params?: P;
    contentType?: string;
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const headers = new Headers(opts.headers ?? {});
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  const text = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (text !== undefined) headers.set("content-type", opts.contentType ?? "application/json");
  const req = new NextRequest(`http://localhost${opts.path ?? "/api/v1/x"}`, {
    method: opts.method ?? (text !== undefined ? "POST" : "GET"),
    headers,
    body: text,
    ...(typeof text === "object" ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const ct = res.headers.get("content-type") ?? "";
  return { status: res.status, body: ct.includes("json") ? await res.json() : await res.text() };
}
