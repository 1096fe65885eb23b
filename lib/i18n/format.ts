import type { Locale } from "./config";

// One Intl formatter per (locale, options), made on first use. `toLocaleString(locale, opts)`
// builds a new formatter on every call (ICU set-up, ~0.1–0.5 ms each); a dashboard or the
// field app formats hundreds of values while it hydrates, and that was a long task on phones.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}
function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}
/** `date.toLocale…String(locale, opts)` / `n.toLocaleString(locale, opts)`, same text, formatter cached. */
export const formatWith = {
  date: (d: Date, locale: string, opts: Intl.DateTimeFormatOptions) => dateFormat(locale, opts).format(d),
  number: (n: number, locale: string, opts: Intl.NumberFormatOptions = {}) => numberFormat(locale, opts).format(n),
};

/** Numbers for people: 1,503 / 5.90万 in Chinese when large, 58,957 in English. */
export function formatNumber(
  n: number | null | undefined,
  locale: Locale,
  opts: { compact?: boolean; digits?: number } = {},
): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  if (opts.compact && locale === "zh" && Math.abs(n) >= 100_000) {
    return `${formatWith.number(n / 10_000, "zh-CN", { maximumFractionDigits: 2 })}万`;
  }
  return formatWith.number(n, locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: opts.digits ?? 2 });
}

/** Signed percentage with two decimals: +3.16%, −26.32%. */
export function formatPct(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "—";
  const s = Math.abs(p).toFixed(2);
  return p > 0 ? `+${s}%` : p < 0 ? `−${s}%` : `${s}%`;
}

// Dates are written by hand in China Standard Time (UTC+8 all year since 1991, as lib/time
// assumes), in exactly the text `toLocaleString("zh-CN" | "en-GB", { timeZone:
// "Asia/Shanghai", …, hour12: false })` gives (tests/unit/i18n.test.ts compares them). The first
// Intl date formatter with a time zone costs a phone some 40 ms of ICU set-up while the page
// hydrates; and the server's and the browser's ICU can no longer disagree.
const CST_MS = 8 * 3_600_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
function cst(d: Date | string) {
  const t = new Date((typeof d === "string" ? new Date(d) : d).getTime() + CST_MS);
  return {
    bad: Number.isNaN(t.getTime()),
    y: String(t.getUTCFullYear()),
    mo: pad2(t.getUTCMonth() + 1),
    d: pad2(t.getUTCDate()),
    h: pad2(t.getUTCHours()),
    mi: pad2(t.getUTCMinutes()),
    s: pad2(t.getUTCSeconds()),
  };
}

/** 2026/02/04 08:05 (zh) or 04/02/2026, 08:05 (en), in Asia/Shanghai. */
export function formatDateTime(d: Date | string | null | undefined, locale: Locale): string {
  if (!d) return "—";
  const p = cst(d);
  if (p.bad) return "Invalid Date";
  return locale === "zh" ? `${p.y}/${p.mo}/${p.d} ${p.h}:${p.mi}` : `${p.d}/${p.mo}/${p.y}, ${p.h}:${p.mi}`;
}

/** 08:02:13 in Asia/Shanghai. */
export function formatTime(d: Date | string | null | undefined, _locale?: Locale): string {
  if (!d) return "—";
  const p = cst(d);
  return p.bad ? "Invalid Date" : `${p.h}:${p.mi}:${p.s}`;
}

/** 08:02 in Asia/Shanghai. */
export function formatHourMinute(d: Date | string | null | undefined): string {
  if (!d) return "—";
  const p = cst(d);
  return p.bad ? "Invalid Date" : `${p.h}:${p.mi}`;
}

/** 2026/02/04 (zh) or 04/02/2026 (en), in Asia/Shanghai. */
export function formatDate(d: Date | string | null | undefined, locale: Locale): string {
  if (!d) return "—";
  const p = cst(d);
  if (p.bad) return "Invalid Date";
  return locale === "zh" ? `${p.y}/${p.mo}/${p.d}` : `${p.d}/${p.mo}/${p.y}`;
}
