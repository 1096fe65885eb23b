/**
 * Accident inputs (forms, API, import rows). Severity is never an input: it is derived
 * from deaths and injured (lib/accidents/rules.ts) and the database checks it.
 */
import { z } from "zod";
import { recordEditFields, recordListFilters, recordPlaceFields, zEditFlag } from "@/lib/records/schemas";
import {
  ACCIDENT_CAUSES,
  ACCIDENT_HANDLING,
  ACCIDENT_SEVERITIES,
  ACCIDENT_STATUSES,
  PARTY_ROLES,
  ROAD_TYPES,
  VEHICLE_TYPES,
  WEATHER,
} from "@/lib/records/enums";
import {
  bothOrNeither,
  opt,
  zBool,
  zClearable,
  zCount,
  zEnumDefault,
  zExternalRef,
  zOptEnum,
  zOptIdCard,
  zOptPlate,
  zOptText,
  zOptUuid,
} from "@/lib/validation";

export const partySchema = z.object({
  plate: zOptPlate,
  vehicleType: zOptEnum(VEHICLE_TYPES),
  name: zOptText(50),
  idNumber: zOptIdCard,
  role: zEnumDefault(PARTY_ROLES, "driver"),
  atFault: zBool,
});
export type PartyInput = z.output<typeof partySchema>;

/**
 * vehicles[] as JSON, or in a CSV cell either a JSON array or "plate:vehicleType" items
 * separated by ";" (e.g. "贵H12345:small_car;贵H54321:heavy_truck").
 */
function parseVehicles(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return [];
  if (typeof v !== "string") return v;
  const s = v.trim();
  if (s.startsWith("[")) {
    try {
      return JSON.parse(s);
    } catch {
      return "invalid";
    }
  }
  return s
    .split(";")
    .filter((x) => x.trim())
    .map((item) => {
      const [plate, vehicleType] = item.split(":").map((x) => x.trim());
      return { plate: plate || undefined, vehicleType: vehicleType || undefined };
    });
}

export const MAX_DEATHS = 1000;
export const MAX_INJURED = 10_000;
export const MAX_YUAN = 1_000_000_000;

const accidentFields = {
  ...recordPlaceFields,
  roadType: zOptEnum(ROAD_TYPES),
  weather: zOptEnum(WEATHER),
  cause: zOptEnum(ACCIDENT_CAUSES),
  deaths: zCount(MAX_DEATHS),
  injured: zCount(MAX_INJURED),
  propertyLossYuan: zCount(MAX_YUAN),
  hitAndRun: zBool,
  hitAndRunSolved: zBool,
  handling: zEnumDefault(ACCIDENT_HANDLING, "onsite"),
  rescueFundYuan: zCount(MAX_YUAN),
  vehicles: z.preprocess(
    parseVehicles,
    z.array(partySchema, { message: "records.validation.vehicles" }).max(50, "records.validation.tooMany"),
  ),
  notes: zOptText(2000),
  /** The incident (警情) it was recorded for (record chain). */
  incidentId: zOptUuid,
  externalRef: zExternalRef,
};

function hitAndRunRule(v: { hitAndRun: boolean; hitAndRunSolved: boolean }, ctx: z.RefinementCtx) {
  if (v.hitAndRunSolved && !v.hitAndRun)
    ctx.addIssue({ code: "custom", path: ["hitAndRunSolved"], message: "records.validation.solvedWithoutHitAndRun" });
}

export const createAccidentSchema = z.object(accidentFields).superRefine((v, ctx) => {
  bothOrNeither(v, ctx);
  hitAndRunRule(v, ctx);
});
export type CreateAccidentInput = z.output<typeof createAccidentSchema>;

export const updateAccidentSchema = z.object({
  ...recordEditFields,
  roadType: zClearable(accidentFields.roadType),
  weather: zClearable(accidentFields.weather),
  cause: zClearable(accidentFields.cause),
  deaths: opt(accidentFields.deaths),
  injured: opt(accidentFields.injured),
  propertyLossYuan: opt(accidentFields.propertyLossYuan),
  rescueFundYuan: opt(accidentFields.rescueFundYuan),
  hitAndRunSolved: zEditFlag,
  handling: zOptEnum(ACCIDENT_HANDLING),
  status: zOptEnum(ACCIDENT_STATUSES),
  notes: zClearable(accidentFields.notes),
});
export type UpdateAccidentInput = z.output<typeof updateAccidentSchema>;

export const listAccidentsSchema = z.object({
  ...recordListFilters,
  severity: zOptEnum(ACCIDENT_SEVERITIES),
  status: zOptEnum(ACCIDENT_STATUSES),
  handling: zOptEnum(ACCIDENT_HANDLING),
  hitAndRun: opt(zBool),
  major: opt(zBool),
});
export type ListAccidentsInput = z.output<typeof listAccidentsSchema>;
