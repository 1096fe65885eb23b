import { importAccidents } from "@/lib/accidents/import-accidents";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { tFor } from "@/lib/i18n/server-free";
import { translateMessage } from "@/lib/i18n/translate";
import { importBody, inLanguage } from "@/lib/import/limits";
import { formatFromContentType } from "@/lib/import/parse-rows";
import { importViolations } from "@/lib/violations/import-violations";

const IMPORTERS = { violations: importViolations, accidents: importAccidents } as const;

/**
 * POST /api/v1/import/{violations|accidents} with a text/csv or application/x-ndjson body.
 * The body is read as a stream (the proxy does not buffer this path), within the limits of
 * lib/import/limits.ts (50 MB, 1,000,000 rows by default: 413 past them), valid rows are
 * written in batches, and the answer is { received, created, duplicates, rejected, errors }.
 * Error messages come in the signed-in user's language (the UI's cookie, Chinese by
 * default); to bearer-token callers in English.
 */
export const POST = apiRoute<{ kind: string }>({ permission: "records.import" }, async ({ req, actor, params }) => {
  const run = IMPORTERS[params.kind as keyof typeof IMPORTERS];
  if (!run) throw new AppError("NOT_FOUND", "unknown import kind");
  const format = formatFromContentType(req.headers.get("content-type"));
  if (!format) {
    throw new AppError("INVALID", "send text/csv or application/x-ndjson", {
      fields: [{ path: "Content-Type", message: "expected text/csv or application/x-ndjson" }],
    });
  }
  // The UI (a signed-in person) reads its own language, Chinese by default; devices read English.
  const lang = req.cookies.get(LOCALE_COOKIE)?.value;
  const t = tFor(isLocale(lang) ? lang : actor.kind === "user" ? DEFAULT_LOCALE : "en");
  // Size, row and line limits (lib/import/limits.ts) answer 413.
  const report = await (async () => run({ actor, body: importBody(req), format }))().catch((e) => {
    throw inLanguage(e, t);
  });
  return { ...report, errors: report.errors.map((e) => ({ ...e, message: translateMessage(t, e.message) })) };
});
