/**
 * Bounds on what an import may send (issue 13, finding 8), configurable:
 *   IMPORT_MAX_BYTES       body size (default 50 MB)
 *   IMPORT_MAX_ROWS        data rows (default 1,000,000)
 *   IMPORT_MAX_LINE_CHARS  one line or quoted record (default 65,536 characters: a file without
 *                          line breaks, or with a quote never closed, is not buffered without end)
 *   IMPORT_MAX_FIELD_CHARS one field (default 4,000 characters: such a row is reported, not written)
 * Going over the first three stops the import with 413 and a clear message; rows already
 * written stay written (an import is idempotent: sending the parts again creates nothing twice).
 */
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import type { TFunction } from "@/lib/i18n/translate";
import { translateMessage } from "@/lib/i18n/translate";

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  maxLineChars: number;
  maxFieldChars: number;
}

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};

export function importLimits(): ImportLimits {
  return {
    maxBytes: env("IMPORT_MAX_BYTES", 50 * 1024 * 1024),
    maxRows: env("IMPORT_MAX_ROWS", 1_000_000),
    maxLineChars: env("IMPORT_MAX_LINE_CHARS", 65_536),
    maxFieldChars: env("IMPORT_MAX_FIELD_CHARS", 4_000),
  };
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

export const tooManyBytes = (max: number) =>
  new AppError("PAYLOAD_TOO_LARGE", "errors.importBytes", { details: { reason: "bytes", max: mb(max) } });
export const tooManyRows = (max: number) =>
  new AppError("PAYLOAD_TOO_LARGE", "errors.importRows", { details: { reason: "rows", max } });
export const lineTooLong = (line: number, max: number) =>
  new AppError("PAYLOAD_TOO_LARGE", "errors.importLine", { details: { reason: "line", line, max } });

/**
 * The request body of an import as a stream that fails with 413 past IMPORT_MAX_BYTES: at
 * once when Content-Length says so, else when that many bytes have arrived.
 */
export function importBody(req: Request, limits = importLimits()): Readable {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooManyBytes(limits.maxBytes);
  if (!req.body)
    throw new AppError("INVALID", "empty body", { fields: [{ path: "", message: "validation.required" }] });
  // Pulled only as the importer reads: nothing is buffered ahead, no error before it listens.
  const source = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>);
  return Readable.from(
    (async function* () {
      let seen = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > limits.maxBytes) {
          source.destroy();
          throw tooManyBytes(limits.maxBytes);
        }
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
}

/** An import's failure in the importer's language (the API answers in English otherwise). */
export function inLanguage(err: unknown, t: TFunction): unknown {
  if (!(err instanceof AppError)) return err;
  return new AppError(err.code, translateMessage(t, err.message, err.details), {
    fields: err.fields,
    details: err.details,
  });
}
