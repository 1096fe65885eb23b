import { z } from "zod";
import { dayValue, isDay, parseLocalInstant } from "@/lib/time";
import { isBlank, opt } from "./text";

/** A calendar day, YYYY-MM-DD, that exists (2023-02-30 is refused). Stays a string. */
export const zDay = z
  .string({ message: "validation.date" })
  .trim()
  .refine((s) => isDay(s), "validation.date");
/** An optional day (list filters, optional dates): blank is "not given". */
export const zOptDay = opt(zDay);

/** A calendar day as a Date at UTC midnight (how Prisma stores @db.Date), 1990–2099. */
export const zDate = z.preprocess(
  (v) => {
    if (isBlank(v)) return undefined;
    if (v instanceof Date) return v;
    return typeof v === "string" && isDay(v.trim()) ? dayValue(v.trim()) : "invalid";
  },
  z
    .date({ message: "validation.date" })
    .min(new Date("1990-01-01T00:00:00Z"), "records.validation.tooEarly")
    .max(new Date("2100-01-01T00:00:00Z"), "records.validation.tooLate"),
);
export const zOptDate = opt(zDate);

/** Records older than this are refused (and it keeps dates inside PostgreSQL's range). */
export const EARLIEST_RECORD = new Date("1990-01-01T00:00:00+08:00");
const instant = (v: unknown) => (isBlank(v) ? undefined : (parseLocalInstant(v) ?? "invalid"));
const zPast = z
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
export const zOccurredAt = z.preprocess(instant, zPast);
export const zOptPastInstant = z.preprocess(instant, zPast.optional());

/** An instant not later than now (plus a little clock skew from devices). */
export const zPastInstant = z.coerce
  .date({ message: "validation.invalid" })
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, { message: "validation.futureDate" });
