/**
 * All UI strings. One file per namespace and language; English must have exactly the
 * keys Chinese has (the `satisfies` below fails the typecheck otherwise).
 */
import type { Locale } from "../config";
import type { Dict } from "../translate";
import zh from "./zh";
import en from "./en";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof zh>;

const enChecked: Messages = en satisfies Messages;

export const messages: Record<Locale, Dict> = { zh: zh as Dict, en: enChecked as Dict };
