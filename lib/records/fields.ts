/**
 * zod fields for record inputs. One set of rules for forms (strings from FormData), API
 * bodies (JSON) and import rows (CSV strings or NDJSON values): empty strings and null
 * mean "not given", numbers may arrive as strings, booleans as "true"/"1"/"是"/"on".
 * Everything is bounded so that no input can reach the database as an error (a NUL
 * byte, a year 30000, an int overflow): bad input is a 422, never a 500.
 * Messages are i18n keys (validation.*).
 */
import { z } from "zod";
import { isValidIdCard, normalizeIdCard } from "@/lib/identity/id-card";
import { isValidPlate, normalizePlate } from "@/lib/vehicles/plate";

const OFFSET_MS = 8 * 3600_000; // Asia/Shanghai, no daylight saving
/** Records older than this are refused (and it keeps dates inside PostgreSQL's range). */
export const EARLIEST_RECORD = new Date("1990-01-01T00:00:00+08:00");

const empty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const undef = (v: unknown) => (empty(v) ? undefined : v);

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

/** Optional text: "" and null become undefined. */
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

function toNumber(v: unknown): unknown {
  if (empty(v)) return undefined;
  if (typeof v === "string") return /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return v;
}

/** Optional whole number in [0, max]. */
export const zOptInt = (max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ message: "validation.positiveInt" })
      .int("validation.positiveInt")
      .min(0, "validation.positiveInt")
      .max(max, "records.validation.tooLarge")
      .optional(),
  );

/** Whole number in [0, max], 0 when not given. */
export const zCount = (max: number) =>
  z.preprocess(
    (v) => toNumber(v) ?? 0,
    z
      .number({ message: "validation.positiveInt" })
      .int("validation.positiveInt")
      .min(0, "validation.positiveInt")
      .max(max, "records.validation.tooLarge"),
  );

export const zOptLat = z.preprocess(
  toNumber,
  z
    .number({ message: "validation.latitude" })
    .min(-90, "validation.latitude")
    .max(90, "validation.latitude")
    .optional(),
);
export const zOptLng = z.preprocess(
  toNumber,
  z
    .number({ message: "validation.longitude" })
    .min(-180, "validation.longitude")
    .max(180, "validation.longitude")
    .optional(),
);

const TRUE = new Set(["true", "1", "yes", "y", "on", "是", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "off", "否", "f"]);
/** Boolean, false when not given. A form's checkbox arrives as ["on"] (formValues makes checkboxes lists). */
export const zBool = z.preprocess(
  (v) => {
    if (Array.isArray(v) && v.length <= 1) v = v[0];
    if (empty(v)) return false;
    if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
    }
    return v;
  },
  z.boolean({ message: "validation.invalid" }),
);

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An instant from an ISO 8601 string, epoch milliseconds or a Date. Without an offset
 * ("2024-05-01T08:30", what datetime-local inputs send) the time is Asia/Shanghai.
 */
export function parseInstant(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? new Date(v) : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (!ISO.test(s)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const d = new Date(hasZone ? s.replace(" ", "T") : s.replace(" ", "T") + "Z");
  if (Number.isNaN(d.getTime())) return null;
  return hasZone ? d : new Date(d.getTime() - OFFSET_MS);
}

const instant = (v: unknown) => (empty(v) ? undefined : (parseInstant(v) ?? "invalid"));
const zInstantBase = z
  .date({ message: "records.validation.dateTime" })
  .min(EARLIEST_RECORD, "records.validation.tooEarly")
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "validation.futureDate");

/** An instant that may lie in the future (a planned operation), within sane bounds. */
export const zInstant = z.preprocess(
  instant,
  z
    .date({ message: "records.validation.dateTime" })
    .min(EARLIEST_RECORD, "records.validation.tooEarly")
    .max(new Date("2100-01-01T00:00:00Z"), "records.validation.tooLate"),
);

/** When something happened: required, not in the future (5 minutes of device clock skew allowed). */
export const zOccurredAt = z.preprocess(instant, zInstantBase);
export const zOptPastInstant = z.preprocess(instant, zInstantBase.optional());

/** A calendar date (YYYY-MM-DD), as a Date at UTC midnight (how Prisma stores @db.Date). */
export const zDate = z.preprocess(
  (v) => {
    if (empty(v)) return undefined;
    if (v instanceof Date) return v;
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) {
      const d = new Date(`${v.trim()}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.trim() ? "invalid" : d;
    }
    return "invalid";
  },
  z
    .date({ message: "records.validation.date" })
    .min(new Date("1990-01-01T00:00:00Z"), "records.validation.tooEarly")
    .max(new Date("2100-01-01T00:00:00Z"), "records.validation.tooLate"),
);
export const zOptDate = z.preprocess((v) => (empty(v) ? undefined : v), zDate.optional());

export const zOptPlate = z.preprocess(
  (v) => (typeof v === "string" ? normalizePlate(v) || undefined : (v ?? undefined)),
  z.string({ message: "validation.plate" }).refine(isValidPlate, "validation.plate").optional(),
);
export const zPlateRequired = z.preprocess(
  (v) => (typeof v === "string" ? normalizePlate(v) : v),
  z.string({ message: "validation.required" }).min(1, "validation.required").refine(isValidPlate, "validation.plate"),
);

export const zOptIdCard = z.preprocess(
  (v) => (typeof v === "string" ? normalizeIdCard(v) || undefined : (v ?? undefined)),
  z
    .string({ message: "validation.idCard" })
    .refine((s) => isValidIdCard(s), "validation.idCard")
    .optional(),
);
export const zIdCardRequired = z.preprocess(
  (v) => (typeof v === "string" ? normalizeIdCard(v) : v),
  z
    .string({ message: "validation.required" })
    .min(1, "validation.required")
    .refine((s) => isValidIdCard(s), "validation.idCard"),
);

/** Optional enumeration value; "" means not given. */
export const zOptEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(undef, z.enum(values, { message: "records.validation.choice" }).optional());
/** Enumeration value with a default when not given. */
export const zEnumDefault = <T extends readonly [string, ...string[]]>(values: T, dflt: T[number]) =>
  z.preprocess((v) => (empty(v) ? dflt : v), z.enum(values, { message: "records.validation.choice" }));

export const zOptUuid = z.preprocess(
  undef,
  z.string({ message: "validation.invalid" }).uuid("validation.invalid").optional(),
);
export const zUuidParam = z.string().uuid("validation.invalid");

/** The caller's own id for a record (idempotent replays); unique per unit. */
export const zExternalRef = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() || undefined : (v ?? undefined)),
  z
    .string({ message: "validation.invalid" })
    .max(100, "validation.tooLong")
    .regex(/^[\x21-\x7E]+$/, "records.validation.externalRef")
    .optional(),
);

export const zOptUnitCode = z.preprocess(
  undef,
  z
    .string({ message: "validation.invalid" })
    .max(32, "validation.tooLong")
    .regex(/^[0-9A-Za-z_-]+$/, "validation.unitCode")
    .optional(),
);

/** Both coordinates or neither. */
export function bothOrNeither(v: { lat?: number; lng?: number }, ctx: z.RefinementCtx) {
  if ((v.lat === undefined) !== (v.lng === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [v.lat === undefined ? "lat" : "lng"],
      message: "records.validation.latLngPair",
    });
  }
}
