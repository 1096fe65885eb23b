/**
 * Message lookup shared by server and client. Keys are dotted ("nav.dashboard");
 * "{name}" placeholders are filled from vars. A key that is missing falls back to the
 * key itself, so a forgotten string is visible rather than blank.
 */
export type Dict = { [k: string]: string | Dict };
export type Vars = Record<string, string | number>;
export type TFunction = (key: string, vars?: Vars) => string;

export function lookup(dict: Dict, key: string): string | undefined {
  let cur: string | Dict | undefined = dict;
  for (const part of key.split(".")) {
    if (cur === undefined || typeof cur === "string") return undefined;
    cur = cur[part];
  }
  return typeof cur === "string" ? cur : undefined;
}

export function makeT(dict: Dict): TFunction {
  return (key, vars) => {
    const raw = lookup(dict, key) ?? key;
    if (!vars) return raw;
    return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** Translates a validation message that may be an i18n key ("validation.idCard") or plain text. */
export function translateMessage(t: TFunction, message: string, vars?: Record<string, unknown>): string {
  if (!/^[a-z][\w-]*(\.[\w-]+)+$/.test(message)) return message;
  const v: Vars = {};
  for (const [k, x] of Object.entries(vars ?? {})) if (typeof x === "string" || typeof x === "number") v[k] = x;
  return t(message, v);
}
