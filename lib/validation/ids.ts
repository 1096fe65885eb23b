import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isValidIdCard, normalizeIdCard } from "@/lib/identity/id-card";
import { isValidPlate, normalizePlate } from "@/lib/vehicles/plate";
import { blank } from "./text";

/** A record id: a uuid (RFC 9562; ours are uuid7), trimmed. */
export const zUuid = z.string({ message: "validation.invalid" }).trim().uuid("validation.invalid");
export const zOptUuid = z.preprocess(blank, zUuid.optional());
const uuid = z.uuid();
export const isUuid = (v: unknown): v is string => uuid.safeParse(v).success;

/**
 * An id from a URL or a lookup: anything that is not a uuid simply does not exist (404,
 * like an id outside the actor's scope), and never reaches a uuid column as an error.
 */
export function idOrNotFound(id: string | undefined, what = "record"): string {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", `${what} not found`);
  return id;
}

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
  blank,
  z
    .string({ message: "validation.invalid" })
    .max(32, "validation.tooLong")
    .regex(/^[0-9A-Za-z_-]+$/, "validation.unitCode")
    .optional(),
);

export const zIdCard = z
  .string()
  .trim()
  .transform(normalizeIdCard)
  .refine((v) => isValidIdCard(v), { message: "validation.idCard" });
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

export const zPlate = z
  .string()
  .trim()
  .transform(normalizePlate)
  .refine((v) => isValidPlate(v), { message: "validation.plate" });
export const zOptPlate = z.preprocess(
  (v) => (typeof v === "string" ? normalizePlate(v) || undefined : (v ?? undefined)),
  z.string({ message: "validation.plate" }).refine(isValidPlate, "validation.plate").optional(),
);
export const zPlateRequired = z.preprocess(
  (v) => (typeof v === "string" ? normalizePlate(v) : v),
  z.string({ message: "validation.required" }).min(1, "validation.required").refine(isValidPlate, "validation.plate"),
);

export const zPhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, "validation.phone");
