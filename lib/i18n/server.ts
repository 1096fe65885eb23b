import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { messages } from "./messages";
import { makeT, type TFunction } from "./translate";

export const getLocale = cache(async (): Promise<Locale> => {
  const v = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(v) ? v : DEFAULT_LOCALE;
});

export async function getT(): Promise<TFunction> {
  return makeT(messages[await getLocale()]);
}

export { tFor } from "./server-free";
