/**
 * zod building blocks shared by every domain's schemas.ts (client and server alike).
 * Custom messages are i18n keys (lib/i18n/messages/*: validation.*).
 */
import { z } from "zod";
import { isValidIdCard, normalizeIdCard } from "@/lib/identity/id-card";
import { isValidPlate, normalizePlate } from "@/lib/vehicles/plate";

export const zIdCard = z
  .string()
  .trim()
  .transform(normalizeIdCard)
  .refine((v) => isValidIdCard(v), { message: "validation.idCard" });

export const zPlate = z
  .string()
  .trim()
  .transform(normalizePlate)
  .refine((v) => isValidPlate(v), { message: "validation.plate" });

export const zLat = z.coerce.number().min(-90, "validation.latitude").max(90, "validation.latitude");
export const zLng = z.coerce.number().min(-180, "validation.longitude").max(180, "validation.longitude");

/** An instant not later than now (plus a little clock skew from devices). */
export const zPastInstant = z.coerce
  .date({ message: "validation.invalid" })
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, { message: "validation.futureDate" });

export const zNonNegInt = z.coerce
  .number({ message: "validation.positiveInt" })
  .int("validation.positiveInt")
  .min(0, "validation.positiveInt");

export const zUuid = z.string().uuid();

export const zPhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, "validation.phone");

/** Optional text field from a form: "" becomes undefined. */
export const zOptText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));
