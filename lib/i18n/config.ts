export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const LOCALE_COOKIE = "trafficops_locale";

export function isLocale(v: unknown): v is Locale {
  return v === "zh" || v === "en";
}
