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

/** The part of a zod issue a message needs (kept structural so this file needs no zod import). */
export interface IssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
}

/** Messages that say only "wrong": past a limit they name the limit instead. A specific one ("纬度超出范围") stays. */
const GENERIC_LIMIT_MESSAGES = new Set([
  "validation.tooLong",
  "validation.invalid",
  "validation.required",
  "validation.positiveInt",
]);

/**
 * One validation issue in the user's language. A length or size limit names its bound
 * ("内容过长（最多 100 个字）", not just "内容过长"), whatever key the schema used.
 */
export function issueMessage(t: TFunction, issue: IssueLike): string {
  if (issue.code === "too_big" && issue.maximum !== undefined && GENERIC_LIMIT_MESSAGES.has(issue.message)) {
    const max = Number(issue.maximum);
    const key =
      issue.origin === "string"
        ? "validation.tooLongMax"
        : issue.origin === "array" || issue.origin === "set"
          ? "validation.tooManyMax"
          : "validation.tooLargeMax";
    return t(key, { max });
  }
  return translateMessage(t, issue.message, { max: Number(issue.maximum), min: Number(issue.minimum) });
}

/** Field messages of a failed parse, keyed by dotted path, the first issue of each field. */
export function issueFields(t: TFunction, issues: readonly IssueLike[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join(".")] ??= issueMessage(t, i);
  return out;
}
