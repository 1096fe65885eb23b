import { z } from "zod";
import { isBlank } from "./text";

function toNumber(v: unknown): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v === "string") return /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return v;
}

export const zNonNegInt = z.coerce
  .number({ message: "validation.positiveInt" })
  .int("validation.positiveInt")
  .min(0, "validation.positiveInt");

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

export const zLat = z.coerce.number().min(-90, "validation.latitude").max(90, "validation.latitude");
export const zLng = z.coerce.number().min(-180, "validation.longitude").max(180, "validation.longitude");

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
