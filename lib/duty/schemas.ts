/**
 * Inputs of the grid-duty domain, shared by forms (client validation), server actions
 * and /api/v1 routes. Messages are i18n keys (lib/i18n/messages/*\/duty.ts).
 */
import { z } from "zod";
import { MAX_FIXES_PER_BATCH } from "@/lib/field/limits";
import { zTimeCursor } from "@/lib/pagination";
import { zArea, zLineString } from "@/lib/geo/geometry";
import { zUnitCode } from "@/lib/units/schemas";
import { blank, zDay, zLat, zLng, zUuid } from "@/lib/validation";
import { STATUSES } from "./nearest";
import { SHIFT_KINDS } from "./shifts";

export const GRID_KINDS = ["urban", "rural", "highway"] as const;
export const zGridKind = z.enum(GRID_KINDS, { message: "validation.invalid" });

const zName = z.string().trim().min(1, "validation.required").max(100, "validation.tooLong");
const zOptNotes = z
  .string()
  .trim()
  .max(1000, "validation.tooLong")
  .optional()
  .transform((v) => (v ? v : null));
const optCount = z.preprocess(
  blank,
  z.coerce
    .number()
    .int("validation.positiveInt")
    .min(0, "validation.positiveInt")
    .max(10_000_000, "duty.validation.tooLarge")
    .optional(),
);
const optKm = z.preprocess(
  blank,
  z.coerce.number().min(0, "validation.positiveInt").max(100_000, "duty.validation.tooLarge").optional(),
);
const zHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "duty.validation.hhmm");
export const zTimeWindow = z.object({ from: zHhmm, to: zHhmm });

/** A date-time with an explicit offset or Z (devices send ISO 8601). */
export const zInstant = z.coerce
  .date({ message: "validation.invalid" })
  .refine((d) => !Number.isNaN(d.getTime()), { message: "validation.invalid" });

// --- grids, segments, points -----------------------------------------------------------

export const gridFactorsSchema = z.object({
  drivers: optCount,
  roadKm: optKm,
  difficulty: z.coerce
    .number()
    .int("duty.validation.difficulty")
    .min(1, "duty.validation.difficulty")
    .max(5, "duty.validation.difficulty")
    .default(3),
  availablePolice: optCount,
});

export const createGridSchema = gridFactorsSchema.extend({
  /** The squad (or brigade, for brigade-wide grids) the grid belongs to. */
  unitCode: zUnitCode,
  name: zName,
  kind: zGridKind,
  geometry: zArea,
  notes: zOptNotes,
  demo: z.boolean().optional(),
});
export type CreateGridInput = z.infer<typeof createGridSchema>;

export const updateGridSchema = z.object({
  id: zUuid,
  name: zName.optional(),
  kind: zGridKind.optional(),
  geometry: zArea.optional(),
  drivers: optCount.nullable(),
  roadKm: optKm.nullable(),
  difficulty: z.coerce
    .number()
    .int()
    .min(1, "duty.validation.difficulty")
    .max(5, "duty.validation.difficulty")
    .optional(),
  availablePolice: optCount.nullable(),
  notes: zOptNotes,
});
export type UpdateGridInput = z.infer<typeof updateGridSchema>;

export const createSegmentSchema = z.object({
  gridId: zUuid,
  name: zName,
  geometry: zLineString,
  roadChiefUserId: z.preprocess(blank, zUuid.optional()),
});
export type CreateSegmentInput = z.infer<typeof createSegmentSchema>;

export const updateSegmentSchema = z.object({
  id: zUuid,
  name: zName.optional(),
  geometry: zLineString.optional(),
  roadChiefUserId: z.preprocess((v) => (v === "" ? null : v), zUuid.nullable().optional()),
});
export type UpdateSegmentInput = z.infer<typeof updateSegmentSchema>;

export const createPointSchema = z.object({
  gridId: zUuid,
  name: zName,
  lat: zLat,
  lng: zLng,
  radiusM: z.coerce.number().int().min(5, "duty.validation.radius").max(5000, "duty.validation.radius").default(100),
  timeWindows: z.array(zTimeWindow).max(8).default([]),
});
export type CreatePointInput = z.infer<typeof createPointSchema>;

export const updatePointSchema = createPointSchema.omit({ gridId: true }).partial().extend({ id: zUuid });
export type UpdatePointInput = z.infer<typeof updatePointSchema>;

/** GeoJSON import: polygons become grids, lines segments, points must-reach points. */
export const importGeoJsonSchema = z.object({
  unitCode: zUnitCode,
  geojson: z.object({
    type: z.literal("FeatureCollection", { message: "duty.validation.featureCollection" }),
    features: z
      .array(
        z.object({
          type: z.literal("Feature"),
          geometry: z.unknown(),
          properties: z.record(z.string(), z.unknown()).nullish(),
        }),
      )
      .min(1, "duty.validation.noFeatures")
      .max(2000),
  }),
  /** Only check, write nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportGeoJsonInput = z.infer<typeof importGeoJsonSchema>;

export const dutySettingsSchema = z
  .object({
    unitCode: zUnitCode,
    riskWindowDays: z.coerce.number().int().min(1, "validation.invalid").max(366, "validation.invalid"),
    weightFatal: z.coerce.number().int().min(0, "validation.positiveInt").max(1000),
    weightInjury: z.coerce.number().int().min(0, "validation.positiveInt").max(1000),
    weightSerious: z.coerce.number().int().min(0, "validation.positiveInt").max(1000),
    weightOther: z.coerce.number().int().min(0, "validation.positiveInt").max(1000),
    yellowAt: z.coerce.number().int().min(1, "validation.positiveInt").max(1_000_000),
    redAt: z.coerce.number().int().min(1, "validation.positiveInt").max(1_000_000),
    segmentBufferM: z.coerce.number().int().min(5, "validation.invalid").max(2000, "validation.invalid"),
    minDwellS: z.coerce.number().int().min(0, "validation.invalid").max(7200, "validation.invalid"),
    staleAfterS: z.coerce.number().int().min(30, "validation.invalid").max(86400, "validation.invalid"),
    peakWindows: z.array(zTimeWindow).max(6).default([]),
    // Incident desk (接处警): flag a dispatch not accepted / not on scene within these minutes.
    // Left out: unchanged (the database's defaults on a brigade's first save).
    acceptWithinMin: z.coerce.number().int().min(1, "validation.invalid").max(120, "validation.invalid").optional(),
    arriveWithinMin: z.coerce.number().int().min(1, "validation.invalid").max(480, "validation.invalid").optional(),
  })
  .superRefine((s, ctx) => {
    if (s.arriveWithinMin !== undefined && s.acceptWithinMin !== undefined && s.arriveWithinMin < s.acceptWithinMin)
      ctx.addIssue({ code: "custom", path: ["arriveWithinMin"], message: "duty.validation.arriveAfterAccept" });
    if (!(s.weightFatal > s.weightInjury && s.weightInjury > s.weightSerious && s.weightSerious > s.weightOther)) {
      ctx.addIssue({ code: "custom", path: ["weightFatal"], message: "duty.validation.weightOrder" });
    }
    if (s.redAt <= s.yellowAt)
      ctx.addIssue({ code: "custom", path: ["redAt"], message: "duty.validation.thresholdOrder" });
  });
export type DutySettingsInput = z.infer<typeof dutySettingsSchema>;

// --- beats -----------------------------------------------------------------------------

export const zShiftKind = z.enum(SHIFT_KINDS, { message: "validation.invalid" });
const zUserIds = z.array(zUuid).max(20, "duty.validation.tooManyPeople");

const beatFields = {
  startsAt: zInstant,
  endsAt: zInstant,
  shiftKind: zShiftKind,
  leadUserId: z.preprocess((v) => (v === "" ? null : v), zUuid.nullable().optional()),
  auxiliaryUserIds: zUserIds.default([]),
  mustReachPointIds: z.array(zUuid).max(50).default([]),
  mustCorrectTypes: z
    .array(z.string().regex(/^[a-z][a-z0-9_]*$/, "validation.invalid"))
    .max(30)
    .default([]),
  notes: zOptNotes,
};

function checkBeat(
  b: { startsAt?: Date; endsAt?: Date; leadUserId?: string | null; auxiliaryUserIds?: string[] },
  ctx: z.RefinementCtx,
) {
  if (b.startsAt && b.endsAt) {
    if (b.endsAt <= b.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "duty.validation.endAfterStart" });
    else if (b.endsAt.getTime() - b.startsAt.getTime() > 24 * 3600_000)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "duty.validation.max24h" });
  }
  const aux = b.auxiliaryUserIds ?? [];
  if (new Set(aux).size !== aux.length || (b.leadUserId && aux.includes(b.leadUserId))) {
    ctx.addIssue({ code: "custom", path: ["auxiliaryUserIds"], message: "duty.validation.samePersonTwice" });
  }
}

export const createBeatSchema = z.object({ gridId: zUuid, ...beatFields }).superRefine((b, ctx) => {
  checkBeat(b, ctx);
  if (!b.leadUserId && b.auxiliaryUserIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["leadUserId"], message: "duty.validation.nobody" });
});
export type CreateBeatInput = z.infer<typeof createBeatSchema>;

export const updateBeatSchema = z
  .object({
    id: zUuid,
    /** The version the client saw; a different current version answers 409. */
    version: z.coerce.number().int().optional(),
    startsAt: zInstant.optional(),
    endsAt: zInstant.optional(),
    shiftKind: zShiftKind.optional(),
    leadUserId: beatFields.leadUserId,
    auxiliaryUserIds: zUserIds.optional(),
    mustReachPointIds: z.array(zUuid).max(50).optional(),
    mustCorrectTypes: beatFields.mustCorrectTypes.optional(),
    notes: zOptNotes,
  })
  .superRefine(checkBeat);
export type UpdateBeatInput = z.infer<typeof updateBeatSchema>;

export const cancelBeatSchema = z.object({
  id: zUuid,
  reason: z.string().trim().max(500, "validation.tooLong").optional(),
});
export type CancelBeatInput = z.infer<typeof cancelBeatSchema>;

export const listBeatsSchema = z
  .object({
    unit: zUnitCode.optional(),
    from: zInstant,
    to: zInstant,
    grid: zUuid.optional(),
    includeCancelled: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true"),
    cursor: zTimeCursor,
    limit: z.coerce.number().int().min(1).max(500).default(500),
  })
  .refine((q) => q.to > q.from && q.to.getTime() - q.from.getTime() <= 62 * 86_400_000, {
    path: ["to"],
    message: "duty.validation.range",
  });
export type ListBeatsInput = z.infer<typeof listBeatsSchema>;

export const copyWeekSchema = z.object({
  /** The squad whose grids are copied. */
  unitCode: zUnitCode,
  /** Any day of the target week; the week before it is copied into it. */
  week: zDay,
});
export type CopyWeekInput = z.infer<typeof copyWeekSchema>;

export const personnelQuerySchema = z.object({
  unit: zUnitCode.optional(),
  role: z.enum(["OFFICER", "AUXILIARY"]).optional(),
});

// --- positions and SOS -----------------------------------------------------------------

export const zDutyStatus = z.enum(STATUSES, { message: "validation.invalid" });

/** An instant from a device: not more than 5 minutes in the future, not older than 7 days. */
const zDeviceInstant = zInstant
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, { message: "validation.futureDate" })
  .refine((d) => d.getTime() >= Date.now() - 7 * 86_400_000, { message: "duty.validation.tooOld" });

export const reportPositionSchema = z.object({
  lat: zLat,
  lng: zLng,
  accuracyM: z.coerce.number().min(0, "validation.invalid").max(100_000, "validation.invalid").optional(),
  status: zDutyStatus,
  at: zDeviceInstant.optional(),
  /** With an API token (a device): whose position this is. A session reports its own. */
  userId: zUuid.optional(),
});
export type ReportPositionInput = z.infer<typeof reportPositionSchema>;

/** One fix of a batch: its own time is required (a queued fix keeps when it was taken). */
export const batchFixSchema = reportPositionSchema.omit({ userId: true }).extend({ at: zDeviceInstant });
export type BatchFix = z.infer<typeof batchFixSchema>;

/**
 * POST /api/v1/positions with { fixes: [...] }: each fix is checked on its own by
 * batchFixSchema (a bad one is reported by index, the good ones are stored), so only the
 * envelope is checked here.
 */
export const reportPositionsSchema = z.object({
  fixes: z
    .array(z.unknown(), { message: "validation.invalid" })
    .min(1, "validation.required")
    .max(MAX_FIXES_PER_BATCH, "duty.validation.tooManyFixes"),
  userId: zUuid.optional(),
});
export type ReportPositionsInput = z.infer<typeof reportPositionsSchema>;

export const raiseSosSchema = z.object({
  lat: zLat,
  lng: zLng,
  accuracyM: z.coerce.number().min(0).max(100_000).optional(),
  at: zDeviceInstant.optional(),
  message: z.string().trim().max(500, "validation.tooLong").optional(),
  userId: zUuid.optional(),
});
export type RaiseSosInput = z.infer<typeof raiseSosSchema>;

export const handleSosSchema = z.object({
  id: zUuid,
  note: z.string().trim().max(1000, "validation.tooLong").optional(),
});
export type HandleSosInput = z.infer<typeof handleSosSchema>;

/** POST /api/v1/beats/{id}/check-ins: arrival at one of the beat's must-reach points, with the fix. */
export const checkInSchema = z.object({
  beatId: zUuid,
  pointId: zUuid,
  lat: zLat,
  lng: zLng,
  accuracyM: z.coerce.number().min(0, "validation.invalid").max(100_000, "validation.invalid").optional(),
  at: zDeviceInstant,
  method: z.enum(["auto", "tap"], { message: "validation.invalid" }),
});
export type CheckInInput = z.infer<typeof checkInSchema>;

/** Who is free for a beat from startsAt to endsAt: the people of a unit's brigade, before saving. */
export const beatAvailabilitySchema = z
  .object({
    /** The squad or brigade whose people are listed (the roster board's unit). */
    unit: zUnitCode,
    startsAt: zInstant,
    endsAt: zInstant,
    /** The beat being edited: its own membership is no conflict. */
    except: zUuid.optional(),
  })
  .superRefine((b, ctx) => checkBeat(b, ctx));
export type BeatAvailabilityInput = z.infer<typeof beatAvailabilitySchema>;
