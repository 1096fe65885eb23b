import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { actorFromBearer } from "@/lib/api-tokens/token-auth";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { assertSameOrigin } from "@/lib/auth/origin";
import { ownWriteSetCookie } from "@/lib/db-read";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionUser, userFromSessionToken } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/session-config";
import { AppError } from "@/lib/errors";
import { assertNoNul } from "@/lib/input-guard";
import { metaFromHeaders, type RequestMeta } from "@/lib/request-meta";
import { errorResponse, json } from "./respond";

export interface RouteContext<P> {
  req: NextRequest;
  actor: Actor;
  params: P;
  meta: RequestMeta;
  /**
   * Asks again, bypassing this request's cache, whether the same credentials still act
   * for the same actor with the route's permission (a live stream calls it every minute).
   */
  stillAllowed: () => Promise<boolean>;
}

interface RouteOptions {
  /** The actor needs this permission (or any of these). */
  permission?: Permission | Permission[];
}

/**
 * Wraps a route handler: authenticates (bearer token or session cookie), refuses
 * cross-origin cookie-authenticated writes, checks the permission, and turns errors
 * into the API's error shape. The handler returns a Response or a JSON-able value.
 */
export function apiRoute<P = Record<string, string>>(
  opts: RouteOptions,
  handler: (ctx: RouteContext<P>) => Promise<unknown>,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const meta = metaFromHeaders(req.headers);
    let res: Response;
    try {
      const actor = await authenticate(req, meta);
      const perms = opts.permission ? (Array.isArray(opts.permission) ? opts.permission : [opts.permission]) : [];
      if (perms.length && !perms.some((p) => actor.permissions.has(p))) assertCan(actor, perms[0]);
      const stillAllowed = async () => {
        const now = await currentActor(req, meta).catch(() => null);
        return (
          !!now &&
          now.id === actor.id &&
          now.unitPath === actor.unitPath &&
          (!perms.length || perms.some((p) => now.permissions.has(p)))
        );
      };
      const params = (await context?.params) ?? ({} as P);
      const out = await handler({ req, actor, params, meta, stillAllowed });
      res = out instanceof Response ? out : json(out);
      // A browser's write: its next reads go to the primary until a read replica has it.
      if (actor.kind === "user" && req.method !== "GET" && req.method !== "HEAD" && res.ok) {
        const cookie = await ownWriteSetCookie().catch(() => null);
        if (cookie) res.headers.append("set-cookie", cookie);
      }
    } catch (err) {
      res = errorResponse(err, meta.requestId);
    }
    res.headers.set("x-request-id", meta.requestId);
    return res;
  };
}

export async function authenticate(req: NextRequest, meta: RequestMeta): Promise<Actor> {
  const authz = req.headers.get("authorization");
  if (authz) {
    const actor = await actorFromBearer(authz, meta);
    if (!actor) throw new AppError("UNAUTHENTICATED", "invalid or revoked API token");
    return actor;
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sign in or send a bearer token");
  assertSameOrigin(req.method, req.headers);
  return user;
}

/** The actor the request's credentials stand for right now (no per-request cache; idle limit not applied). */
async function currentActor(req: NextRequest, meta: RequestMeta): Promise<Actor | null> {
  const authz = req.headers.get("authorization");
  if (authz) return actorFromBearer(authz, meta);
  const raw = req.cookies.get(sessionCookieName(req.headers))?.value;
  return raw ? userFromSessionToken(raw, meta, { idle: false }) : null;
}

/** JSON bodies are capped (JSON_MAX_BYTES, default 1 MB): 413 past it, before it is all read. */
export const jsonMaxBytes = () => Number(process.env.JSON_MAX_BYTES) || 1_000_000;

/** The request body as text, refused with 413 past `max` bytes (read no further than that). */
export async function readBodyText(req: Request, max: number): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "body too large", { details: { maxBytes: max } });
  if (Number(req.headers.get("content-length")) > max) throw tooLarge();
  let text = "";
  if (req.body) {
    const reader = req.body.getReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > max) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  return text;
}

/** The request body as JSON; 422 when it is not JSON, 413 when it is too large (read no further). */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req, jsonMaxBytes());
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "body is not valid JSON", {
      fields: [{ path: "", message: "body is not valid JSON" }],
    });
  }
  assertNoNul(body);
  return body;
}

/** Parses with a zod schema; a ZodError becomes a 422 in errorResponse. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  return schema.parse(data);
}

/** Query string as a plain object (repeated keys keep the last value); NUL characters refused (422). */
export function queryObject(req: NextRequest): Record<string, string> {
  const q = Object.fromEntries(req.nextUrl.searchParams.entries());
  assertNoNul(q);
  return q;
}
