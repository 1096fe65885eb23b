/** Translation without request context (API error bodies, scripts). */
import type { Locale } from "./config";
import { messages } from "./messages";
import { makeT, type TFunction } from "./translate";

export function tFor(locale: Locale): TFunction {
  return makeT(messages[locale]);
}
