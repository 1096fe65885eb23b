import "server-only";
import type { NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import type { ExportFormat } from "./export";

/** ?format=csv|xlsx (default csv) and the language: ?lang, else the UI's cookie, else Chinese. */
export function exportParams(req: NextRequest): {
  format: ExportFormat;
  locale: Locale;
  filters: Record<string, string>;
} {
  const q = Object.fromEntries(req.nextUrl.searchParams.entries());
  const { format, lang, ...filters } = q;
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  return {
    format: format === "xlsx" ? "xlsx" : "csv",
    locale: isLocale(lang) ? lang : isLocale(cookie) ? cookie : "zh",
    filters,
  };
}
