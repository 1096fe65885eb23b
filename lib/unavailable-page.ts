/**
 * The page a person gets while the database is unavailable: status 503, their language,
 * and it reloads the page they asked for every few seconds until the database answers.
 * Plain HTML with no script or database access (the proxy and /unavailable send it).
 */
import { RETRY_AFTER_S } from "@/lib/db-errors";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { tFor } from "@/lib/i18n/server-free";

/** Only a path on this site (never another origin) is retried. */
export function safeNextPath(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export function localeFromCookieHeader(cookie: string | null): Locale {
  const m = cookie?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return isLocale(m?.[1]) ? m[1] : DEFAULT_LOCALE;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function unavailablePage(opts: { locale: Locale; next: string; requestId?: string }): Response {
  const t = tFor(opts.locale);
  const next = esc(safeNextPath(opts.next));
  const html = `<!doctype html>
<html lang="${opts.locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_S};url=${next}">
<title>${esc(t("errors.unavailableTitle"))}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a}
main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.25rem;margin:.5rem 0}p{color:#475569;font-size:.9rem;line-height:1.5}
a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:.375rem;background:#1d4ed8;color:#fff;text-decoration:none;font-size:.9rem}</style>
</head><body><main data-testid="db-unavailable"><p style="font-size:2.5rem;font-weight:700;color:#cbd5e1;margin:0">503</p>
<h1>${esc(t("errors.unavailableTitle"))}</h1><p>${esc(t("errors.unavailableBody"))}</p>
<a href="${next}">${esc(t("errors.retryNow"))}</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_S),
      ...(opts.requestId ? { "x-request-id": opts.requestId } : {}),
    },
  });
}
