/**
 * Window inputs: one zod schema per input, shared by the clerk screen (instant
 * validation), the server actions, the API routes and the bulk import.
 * Messages are i18n keys (lib/i18n/messages/*\/window.ts, validation.*).
 */
import { z } from "zod";
import { zTimeCursor, zLimit } from "@/lib/pagination";
import { zUnitCode } from "@/lib/units/schemas";
import {
  blank,
  opt,
  zBool,
  zCount,
  zDay,
  zIdCard,
  zLat,
  zLng,
  zOptText,
  zPastInstant,
  zPlate,
  zText,
  zUuid,
} from "@/lib/validation";
import { CATEGORY_KEYS, CHANNELS, COMPLAINT_SOURCES, hhmmToMinutes, PAYMENTS, RATINGS, RESULTS } from "./catalogue";

export const zBusinessKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, "window.v.business");
/** A hall by its public code (520626-H1) or its id. */
export const zHallRef = z.string().trim().min(1, "validation.required").max(60, "validation.tooLong");
export const zWindowNumber = z.coerce
  .number({ message: "window.v.window" })
  .int("window.v.window")
  .min(1, "window.v.window")
  .max(99, "window.v.window");
const zFee = z.coerce
  .number({ message: "validation.positiveInt" })
  .int("validation.positiveInt")
  .min(0, "validation.positiveInt")
  .max(100_000, "validation.tooLong");

// ---- tickets -------------------------------------------------------------------------

export const issueTicketSchema = z.object({
  category: zBusinessKey,
  hall: opt(zHallRef),
  appointment: zBool.default(false),
  urgent: zBool.default(false),
});
export type IssueTicketInput = z.infer<typeof issueTicketSchema>;

export const callTicketSchema = z.object({ window: zWindowNumber, hall: opt(zHallRef) });
export type CallTicketInput = z.infer<typeof callTicketSchema>;

export const callNextSchema = z.object({ hall: zHallRef, window: zWindowNumber });
export type CallNextInput = z.infer<typeof callNextSchema>;

export const ticketIdSchema = z.object({ id: zUuid });

// ---- transactions ----------------------------------------------------------------------

/** The transaction's fields without the rules between them (for .omit/.extend). */
export const transactionFields = z.object({
  ticketId: opt(zUuid),
  business: zBusinessKey,
  channel: z.preprocess(blank, z.enum(CHANNELS, { message: "window.v.channel" }).default("hall")),
  hall: opt(zHallRef),
  window: opt(zWindowNumber),
  unitCode: opt(zUnitCode),
  applicantName: zText(50),
  applicantIdNumber: z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z.string().trim().min(1, "validation.required").pipe(zIdCard),
  ),
  plate: opt(zPlate),
  licenceNumber: zOptText(30),
  /** Omitted: the business's fee from the catalogue. */
  feeYuan: opt(zFee),
  payment: z.preprocess(blank, z.enum(PAYMENTS, { message: "window.v.payment" }).optional()),
  startedAt: opt(zPastInstant),
  completedAt: opt(zPastInstant),
  result: z.preprocess(blank, z.enum(RESULTS, { message: "window.v.result" }).default("done")),
  missingDocuments: zOptText(300),
  tolerated: zBool.default(false),
  followUpDue: opt(zDay),
  refusalReason: zOptText(300),
  difficult: zBool.default(false),
  difficultResolution: zOptText(500),
  outreachTripId: opt(zUuid),
  servicePointId: opt(zUuid),
  externalRef: zOptText(100),
  /** Another business follows on the same ticket: do not complete the ticket yet. */
  keepTicketOpen: zBool.default(false),
});

type TxShape = z.infer<typeof transactionFields>;

/** Rules between fields; shared by the single create and the import row check. */
export function checkTransaction(v: TxShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.startedAt && v.completedAt && v.completedAt < v.startedAt)
    issue("completedAt", "window.v.completedBeforeStart");
  if ((v.result === "returned" || v.tolerated) && !v.missingDocuments)
    issue("missingDocuments", "window.v.missingDocuments");
  if ((v.result === "returned" || v.tolerated) && !v.followUpDue) issue("followUpDue", "window.v.followUpDue");
  if (v.tolerated && v.result !== "done") issue("tolerated", "window.v.toleratedDone");
  if (v.result === "refused" && !v.refusalReason) issue("refusalReason", "window.v.refusalReason");
  if (v.channel === "outreach" && !v.outreachTripId) issue("outreachTripId", "window.v.trip");
  if (v.channel !== "outreach" && v.outreachTripId) issue("outreachTripId", "window.v.tripChannel");
  if (v.channel === "service_point" && !v.servicePointId) issue("servicePointId", "window.v.point");
  if (v.channel !== "service_point" && v.servicePointId) issue("servicePointId", "window.v.pointChannel");
  if (v.feeYuan && v.feeYuan > 0 && (!v.payment || v.payment === "none")) issue("payment", "window.v.paymentRequired");
  if (v.difficultResolution && !v.difficult) issue("difficultResolution", "window.v.resolutionNotDifficult");
}

export const createTransactionSchema = transactionFields.superRefine(checkTransaction);
export type CreateTransactionInput = z.infer<typeof createTransactionSchema>;

/** The clerk screen sends the same fields plus its Idempotency-Key. */
export const submitTransactionSchema = transactionFields
  .extend({ idempotencyKey: z.string().trim().min(8).max(200) })
  .superRefine(checkTransaction);
export type SubmitTransactionInput = z.infer<typeof submitTransactionSchema>;

export const evaluationSchema = z.object({
  rating: z.enum(RATINGS, { message: "window.v.rating" }),
  comment: zOptText(500),
});
export type EvaluationInput = z.infer<typeof evaluationSchema>;

export const listTransactionsSchema = z.object({
  from: opt(zDay),
  to: opt(zDay),
  business: opt(zBusinessKey),
  category: opt(z.enum(CATEGORY_KEYS)),
  channel: opt(z.enum(CHANNELS)),
  result: opt(z.enum(RESULTS)),
  unitCode: opt(zUnitCode),
  clerkId: opt(zUuid),
  tripId: opt(zUuid),
  pointId: opt(zUuid),
  difficult: opt(z.enum(["1"])),
  afterHours: opt(z.enum(["1"])),
  q: zOptText(50),
  cursor: zTimeCursor,
  limit: zLimit,
});
export type ListTransactionsInput = z.infer<typeof listTransactionsSchema>;

export const recentApplicantsSchema = z.object({ q: zOptText(50) });
/** GET /api/v1/window/queue: which window's queue. */
export const windowQueueSchema = z.object({ hall: zHallRef, window: zWindowNumber });

export const followUpDoneSchema = z.object({ id: zUuid });
export const revealSchema = z.object({ id: zUuid });
export const resolveDifficultSchema = z.object({ id: zUuid, resolution: zText(500) });

export const closeDaySchema = z.object({ note: zOptText(500) });

// ---- complaints ------------------------------------------------------------------------

export const closeComplaintSchema = z.object({ id: zUuid, closingNote: zText(1000) });
export const assignComplaintSchema = z.object({ id: zUuid, ownerId: opt(zUuid), dueDate: zDay });
export const createComplaintSchema = z.object({
  source: z.enum(COMPLAINT_SOURCES.filter((s) => s !== "evaluation") as ["phone", "letter", "other"], {
    message: "validation.invalid",
  }),
  summary: zText(1000),
  unitCode: zUnitCode,
  transactionId: opt(zUuid),
  dueDate: opt(zDay),
});

// ---- outreach trips and service points ---------------------------------------------------

export const outreachTripSchema = z
  .object({
    id: opt(zUuid),
    unitCode: opt(zUnitCode),
    tripDate: zDay,
    township: zText(50),
    venue: zOptText(100),
    examSessions: zCount(100_000),
    candidates: zCount(100_000),
    passed: opt(
      z.coerce
        .number({ message: "validation.positiveInt" })
        .int("validation.positiveInt")
        .min(0, "validation.positiveInt"),
    ),
    notes: zOptText(1000),
    externalRef: zOptText(100),
  })
  .superRefine((v, ctx) => {
    if (v.passed !== undefined && v.passed > v.candidates)
      ctx.addIssue({ code: "custom", path: ["passed"], message: "window.v.passed" });
  });
export type OutreachTripInput = z.infer<typeof outreachTripSchema>;

export const servicePointSchema = z
  .object({
    id: opt(zUuid),
    unitCode: opt(zUnitCode),
    name: zText(60),
    township: zOptText(50),
    village: zText(50),
    partner: zOptText(60),
    address: zOptText(200),
    lat: opt(zLat),
    lng: opt(zLng),
    phone: zOptText(30),
    openedOn: opt(zDay),
    closedOn: opt(zDay),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined))
      ctx.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "lng"], message: "window.v.latLng" });
    if (v.openedOn && v.closedOn && v.closedOn < v.openedOn)
      ctx.addIssue({ code: "custom", path: ["closedOn"], message: "window.v.closedBeforeOpened" });
  });
export type ServicePointInput = z.infer<typeof servicePointSchema>;

// ---- halls, windows, hours, catalogue -----------------------------------------------------

const zHhmm = z
  .string()
  .trim()
  .refine((s) => hhmmToMinutes(s) !== null, { message: "window.v.time" });

export const hallSchema = z.object({
  id: opt(zUuid),
  unitCode: zUnitCode,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "window.v.hallCode"),
  nameZh: zText(100),
  nameEn: zText(200),
  address: zOptText(200),
  active: zBool.default(true),
});
export type HallInput = z.infer<typeof hallSchema>;

export const hallHoursSchema = z.object({
  hallId: zUuid,
  days: z
    .array(
      z
        .object({
          weekday: z.coerce.number().int().min(1).max(7),
          open: zBool,
          opens: z.string().optional(),
          closes: z.string().optional(),
        })
        .superRefine((d, ctx) => {
          if (!d.open) return;
          const o = zHhmm.safeParse(d.opens ?? "");
          const c = zHhmm.safeParse(d.closes ?? "");
          if (!o.success) ctx.addIssue({ code: "custom", path: ["opens"], message: "window.v.time" });
          if (!c.success) ctx.addIssue({ code: "custom", path: ["closes"], message: "window.v.time" });
          if (o.success && c.success && hhmmToMinutes(c.data)! <= hhmmToMinutes(o.data)!)
            ctx.addIssue({ code: "custom", path: ["closes"], message: "window.v.closesAfterOpens" });
        }),
    )
    .length(7),
});
export type HallHoursInput = z.infer<typeof hallHoursSchema>;

export const counterSchema = z.object({
  hallId: zUuid,
  number: zWindowNumber,
  label: zOptText(40),
  /** Letters this window calls, e.g. "A B"; empty = all. */
  letters: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .toUpperCase()
            .split(/[\s,，、]+/)
            .filter(Boolean)
        : (v ?? []),
    z.array(z.string().regex(/^[A-Z]$/, "window.v.letter")).max(26),
  ),
  active: zBool.default(true),
});
export type CounterInput = z.infer<typeof counterSchema>;

export const businessSchema = z.object({
  key: zBusinessKey,
  categoryKey: z.enum(CATEGORY_KEYS, { message: "window.v.category" }),
  nameZh: zText(100),
  nameEn: zText(200),
  ticketLetter: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]$/, "window.v.letter"),
  expectedMinutes: z.coerce
    .number({ message: "validation.positiveInt" })
    .int("validation.positiveInt")
    .min(1, "validation.positiveInt")
    .max(480, "validation.tooLong"),
  feeYuan: zFee,
  active: zBool.default(true),
  sortOrder: z.preprocess(blank, z.coerce.number().int().min(0).max(9999).default(0)),
});
export type BusinessInput = z.infer<typeof businessSchema>;

export const supervisionSchema = z.object({ unitCode: opt(zUnitCode) });
