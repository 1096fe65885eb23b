import { z } from "zod";

/** "", whitespace-only strings, null and undefined: the field was not given. */
export const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
/** Preprocess step: a blank value becomes undefined. */
export const blank = (v: unknown) => (isBlank(v) ? undefined : v);
/** An optional field: blank is "not given", anything else is checked by `field`. */
export const opt = <T extends z.ZodType>(field: T) => z.preprocess(blank, field.optional());

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Required text: trimmed, 1..max characters, no control characters. */
export const zText = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ message: "validation.required" })
      .min(1, "validation.required")
      .max(max, "validation.tooLong")
      .refine((s) => !CONTROL.test(s), "validation.invalid"),
  );

/** Optional text: trimmed; "" and null become undefined. */
export const zOptText = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : (v ?? undefined)),
    z
      .string({ message: "validation.invalid" })
      .max(max, "validation.tooLong")
      .refine((s) => !CONTROL.test(s), "validation.invalid")
      .optional(),
  );

/**
 * For edits of an optional field: null or "" clears it (null), a missing field stays as it
 * is (undefined), anything else is checked by `field`. Create inputs keep "" = not given.
 */
export const zClearable = <T extends z.ZodType>(field: T) =>
  z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? null : v), field.nullable());

/** The words a boolean may arrive as (CSV cells, form fields, query strings), case-insensitive. */
export const TRUE_WORDS = ["true", "1", "yes", "y", "on", "是", "t"] as const;
export const FALSE_WORDS = ["false", "0", "no", "n", "off", "否", "f"] as const;
const TRUE = new Set<string>(TRUE_WORDS);
const FALSE = new Set<string>(FALSE_WORDS);

/**
 * The one boolean: true/false, or one of TRUE_WORDS / FALSE_WORDS; blank is false (an
 * unticked checkbox sends nothing). A checkbox may arrive as ["on"] (formValues makes
 * checkboxes lists). `.default(true)` makes a missing field true; "" stays false.
 */
export const zBool = z.preprocess(
  (v) => {
    if (Array.isArray(v) && v.length <= 1) v = v[0];
    if (isBlank(v)) return false;
    if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
    }
    return v;
  },
  z.boolean({ message: "validation.invalid" }),
);

/** Optional enumeration value; blank means not given. */
export const zOptEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blank, z.enum(values, { message: "records.validation.choice" }).optional());
/** Enumeration value with a default when not given. */
export const zEnumDefault = <T extends readonly [string, ...string[]]>(values: T, dflt: T[number]) =>
  z.preprocess((v) => (isBlank(v) ? dflt : v), z.enum(values, { message: "records.validation.choice" }));
