"use client";
import { createContext, useContext, useMemo } from "react";
import type { Locale } from "./config";
import { makeT, type Dict, type TFunction } from "./translate";

const I18nContext = createContext<{ locale: Locale; t: TFunction } | null>(null);

/**
 * `messagesJson` is the locale's dictionary as one JSON string (app/layout.tsx): the RSC
 * payload then carries one string that the browser parses natively, instead of an object of
 * some 1,500 strings that React's payload parser walks value by value on every page load
 * (a long task on phones).
 */
export function I18nProvider({
  locale,
  messagesJson,
  children,
}: {
  locale: Locale;
  messagesJson: string;
  children: React.ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: makeT(JSON.parse(messagesJson) as Dict) }), [locale, messagesJson]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}

export function useT(): TFunction {
  return useI18n().t;
}
