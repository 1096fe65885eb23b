import type { Locale } from "@/lib/i18n/config";

/** Units in scope as picker options, indented under their parents (path order). */
export function unitOptions(units: { code: string; depth: number; nameZh: string; nameEn: string }[], locale: Locale) {
  const top = Math.min(...units.map((u) => u.depth));
  return units.map((u) => ({
    code: u.code,
    label: `${"\u3000".repeat(u.depth - top)}${locale === "zh" ? u.nameZh : u.nameEn}`,
  }));
}
