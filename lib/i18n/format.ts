import type { Locale } from "./config";

/** Numbers for people: 1,503 / 5.90万 in Chinese when large, 58,957 in English. */
export function formatNumber(
  n: number | null | undefined,
  locale: Locale,
  opts: { compact?: boolean; digits?: number } = {},
): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  if (opts.compact && locale === "zh" && Math.abs(n) >= 100_000) {
    return `${(n / 10_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}万`;
  }
  return n.toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: opts.digits ?? 2 });
}

/** Signed percentage with two decimals: +3.16%, −26.32%. */
export function formatPct(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "—";
  const s = Math.abs(p).toFixed(2);
  return p > 0 ? `+${s}%` : p < 0 ? `−${s}%` : `${s}%`;
}

export function formatDateTime(d: Date | string | null | undefined, locale: Locale): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return date.toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}

/** 08:02:13 in Asia/Shanghai. */
export function formatTime(d: Date | string | null | undefined, locale: Locale): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return date.toLocaleTimeString(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
}

export function formatDate(d: Date | string | null | undefined, locale: Locale): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return date.toLocaleDateString(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
}
