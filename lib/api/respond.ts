import { ZodError } from "zod";
import { RETRY_AFTER_S, unavailableError } from "@/lib/db-errors";
import { appErrorFromDb } from "@/lib/db-refusal";
import { AppError, type FieldError } from "@/lib/errors";
import { log } from "@/lib/log";
import { tFor } from "@/lib/i18n/server-free";
import { issueMessage, translateMessage } from "@/lib/i18n/translate";

/**
 * Below this size a JSON answer goes out as it is. Next's server gzips every streamed body
 * whatever its size (it never sees a length), so a 15-byte `{"status":"ok"}` came back as 35
 * bytes of gzip, at the price of a fresh zlib stream per response: a sixth of the server's
 * CPU for a bare authenticated request (docs/performance.md, "Window transactions under
 * load"). `Cache-Control: no-transform` is what its compression step respects.
 */
export const COMPRESS_FROM_BYTES = 4096;

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  const text = JSON.stringify(body, jsonReplacer);
  const h = new Headers(headers);
  if (!h.has("content-type")) h.set("content-type", "application/json; charset=utf-8");
  if (Buffer.byteLength(text) < COMPRESS_FROM_BYTES) {
    const cc = h.get("cache-control");
    if (!cc?.includes("no-transform")) h.set("cache-control", cc ? `${cc}, no-transform` : "no-transform");
  }
  return new Response(text, { status, headers: h });
}

/** bigint ids (audit rows) and Prisma Decimals serialise as strings/numbers. */
export function jsonReplacer(_k: string, v: unknown) {
  return typeof v === "bigint" ? v.toString() : v;
}

/**
 * Field errors as the API gives them: the message in English for machine clients, and the
 * i18n key itself beside it (`key`) so an app can show it in its user's language.
 */
export function publicFields(fields: FieldError[], details?: Record<string, unknown>) {
  const en = tFor("en");
  return fields.map((f) => ({ ...f, message: translateMessage(en, f.message, details), key: f.message }));
}

/** A failed zod parse's fields as publicFields gives them; a length or size limit is named (issueMessage). */
export function zodPublicFields(err: ZodError) {
  const en = tFor("en");
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: issueMessage(en, i), key: i.message }));
}

/**
 * Turns any thrown value into the API's error shape:
 * { error: { code, message, fields?, details?, requestId } } with the code's status.
 * Field messages: see publicFields. A database that cannot be reached (or times out) is a
 * 503 UNAVAILABLE with Retry-After, never a 500. A value the database refused is answered
 * by its kind (422, 409: lib/db-refusal.ts), never with the database's text.
 */
export function errorResponse(thrown: unknown, requestId: string): Response {
  const en = tFor("en");
  const unavailable = unavailableError(thrown);
  const refused = unavailable ? null : appErrorFromDb(thrown);
  if (refused) log.warn({ err: thrown, requestId }, "database refused a request");
  const err = unavailable ?? refused ?? thrown;
  if (err instanceof ZodError) {
    const fields = zodPublicFields(err);
    return json({ error: { code: "INVALID", message: "invalid input", fields, requestId } }, 422);
  }
  if (err instanceof AppError) {
    const fields = err.fields && publicFields(err.fields, err.details);
    return json(
      {
        error: {
          code: err.code,
          message: translateMessage(en, err.message, err.details),
          fields,
          details: err.details,
          requestId,
        },
      },
      err.status,
      err.code === "UNAVAILABLE" ? { "retry-after": String(RETRY_AFTER_S) } : undefined,
    );
  }
  log.error({ err, requestId }, "unhandled error");
  return json({ error: { code: "INTERNAL", message: "internal error", requestId } }, 500);
}
