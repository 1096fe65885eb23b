import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { tFor } from "@/lib/i18n/server-free";
import { translateMessage } from "@/lib/i18n/translate";
import { importBody, inLanguage } from "@/lib/import/limits";
import { formatFromContentType } from "@/lib/import/parse-rows";
import { importTransactions } from "@/lib/window/import-transactions";

/**
 * POST /api/v1/import/transactions — a text/csv (header row = field names) or
 * application/x-ndjson body of window transactions, streamed. Answers
 * { received, created, duplicates, rejected, errors: [{ line, field, message }] }.
 */
export const POST = apiRoute({ permission: "window.import" }, async ({ actor, req }) => {
  const format = formatFromContentType(req.headers.get("content-type"));
  if (!format)
    throw new AppError("INVALID", "send text/csv or application/x-ndjson", {
      fields: [{ path: "Content-Type", message: "send text/csv or application/x-ndjson" }],
    });
  const en = tFor("en");
  // Size, row and line limits (lib/import/limits.ts) answer 413.
  const report = await (async () => importTransactions({ actor, body: importBody(req), format }))().catch((e) => {
    throw inLanguage(e, en);
  });
  return { ...report, errors: report.errors.map((e) => ({ ...e, message: translateMessage(en, e.message) })) };
});
