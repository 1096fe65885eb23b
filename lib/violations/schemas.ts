/**
 * Violation inputs: one schema per input, shared by the form (client validation), the
 * server action, the API route and the import (one CSV/NDJSON row = one create body).
 * Field names are the API's (issue: records).
 */
import { z } from "zod";
import { zTimeCursor, zLimit } from "@/lib/pagination";
import { recordEditFields, recordListFilters, recordPlaceFields, zEditFlag } from "@/lib/records/schemas";
import {
  APPEAL_CHANNELS,
  APPEAL_DECISIONS,
  LICENCE_ACTIONS,
  PLATE_COLORS,
  VEHICLE_TYPES,
  VIOLATION_SOURCES,
  VIOLATION_STATUSES,
} from "@/lib/records/enums";
import {
  bothOrNeither,
  opt,
  zBool,
  zClearable,
  zEnumDefault,
  zExternalRef,
  zOptEnum,
  zOptIdCard,
  zOptInt,
  zOptPastInstant,
  zOptPlate,
  zOptText,
  zOptUnitCode,
  zOptUuid,
  zText,
  zUuid,
} from "@/lib/validation";

export { VEHICLE_TYPES, VIOLATION_SOURCES, VIOLATION_STATUSES, PLATE_COLORS };

export const zTypeKey = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ message: "validation.required" })
    .min(1, "validation.required")
    .max(64, "validation.tooLong")
    .regex(/^[a-z][a-z0-9_]*$/, "records.validation.violationType"),
);

/** Largest fine any type may carry (fake plates: 5,000 yuan; headroom for local rules). */
export const MAX_FINE_YUAN = 100_000;

const violationFields = {
  ...recordPlaceFields,
  plate: zOptPlate,
  plateColor: zOptEnum(PLATE_COLORS),
  vehicleType: zOptEnum(VEHICLE_TYPES),
  type: zTypeKey,
  source: zEnumDefault(VIOLATION_SOURCES, "onsite"),
  driverName: zOptText(50),
  driverIdNumber: zOptIdCard,
  licenceNumber: zOptText(30),
  fineYuan: zOptInt(MAX_FINE_YUAN),
  points: zOptInt(12),
  licenceSeized: zBool,
  detentionDays: zOptInt(20),
  operationId: zOptUuid,
  /** The incident (警情) it was recorded for (record chain). */
  incidentId: zOptUuid,
  notes: zOptText(1000),
  externalRef: zExternalRef,
};

export const createViolationSchema = z.object(violationFields).superRefine(bothOrNeither);
export type CreateViolationInput = z.output<typeof createViolationSchema>;

/** Penalty fields: only actors with violation.penalize may set them (auxiliaries may not). */
export const PENALTY_FIELDS = ["fineYuan", "points", "licenceSeized", "detentionDays"] as const;

export function hasPenalty(v: Pick<CreateViolationInput, (typeof PENALTY_FIELDS)[number]>): boolean {
  return v.fineYuan !== undefined || v.points !== undefined || v.licenceSeized || (v.detentionDays ?? 0) > 0;
}

/** An edit: the fields that may change after recording, and a status step. null or "" clears a field; a missing one stays. */
export const updateViolationSchema = z.object({
  ...recordEditFields,
  plate: zClearable(violationFields.plate),
  plateColor: zClearable(violationFields.plateColor),
  vehicleType: zClearable(violationFields.vehicleType),
  driverName: zClearable(violationFields.driverName),
  driverIdNumber: zClearable(violationFields.driverIdNumber),
  licenceNumber: zClearable(violationFields.licenceNumber),
  fineYuan: violationFields.fineYuan,
  points: violationFields.points,
  licenceSeized: zEditFlag,
  detentionDays: violationFields.detentionDays,
  operationId: zClearable(violationFields.operationId),
  notes: zClearable(violationFields.notes),
  status: zOptEnum(["recorded", "notified", "closed"] as const),
});
export type UpdateViolationInput = z.output<typeof updateViolationSchema>;

/** List filters (page query string and GET /api/v1/violations). */
export const listViolationsSchema = z.object({
  ...recordListFilters,
  type: opt(zTypeKey),
  status: zOptEnum(VIOLATION_STATUSES),
  source: zOptEnum(VIOLATION_SOURCES),
  operation: zOptUuid,
  serious: opt(zBool),
});
export type ListViolationsInput = z.output<typeof listViolationsSchema>;

export const fileAppealSchema = z.object({
  violationId: zUuid,
  reason: zText(2000),
  appellant: zOptText(100),
  channel: zEnumDefault(APPEAL_CHANNELS, "in_person"),
  /** When the appeal was received, if not now (a letter that arrived yesterday). */
  filedAt: zOptPastInstant,
});
export type FileAppealInput = z.output<typeof fileAppealSchema>;

export const decideAppealSchema = z
  .object({
    appealId: zUuid,
    decision: z.enum(APPEAL_DECISIONS, { message: "records.validation.choice" }),
    note: zOptText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "revoked" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "records.validation.decisionNote" });
  });
export type DecideAppealInput = z.output<typeof decideAppealSchema>;

export const listAppealsSchema = z.object({
  /** pending (default), upheld, revoked, or decided (both). */
  status: zOptEnum(["pending", "upheld", "revoked", "decided"] as const),
  unit: zOptUnitCode,
  cursor: zTimeCursor,
  limit: zLimit,
});
export type ListAppealsInput = z.output<typeof listAppealsSchema>;

/** Catalogue entry, as an administrator edits it. */
export const violationTypeSchema = z
  .object({
    key: zTypeKey,
    nameZh: zText(100),
    nameEn: zText(200),
    fineMinYuan: z.preprocess((v) => (v === "" || v == null ? 0 : v), zOptInt(MAX_FINE_YUAN)).pipe(z.number()),
    fineMaxYuan: z.preprocess((v) => (v === "" || v == null ? 0 : v), zOptInt(MAX_FINE_YUAN)).pipe(z.number()),
    points: z.preprocess((v) => (v === "" || v == null ? 0 : v), zOptInt(12)).pipe(z.number()),
    serious: zBool,
    auxiliaryMayRecord: zBool,
    active: zBool,
    licenceAction: zEnumDefault(LICENCE_ACTIONS, "none"),
    maxDetentionDays: z.preprocess((v) => (v === "" || v == null ? 0 : v), zOptInt(20)).pipe(z.number()),
    sortOrder: z.preprocess((v) => (v === "" || v == null ? 0 : v), zOptInt(100_000)).pipe(z.number()),
  })
  .superRefine((v, ctx) => {
    if (v.fineMaxYuan < v.fineMinYuan)
      ctx.addIssue({ code: "custom", path: ["fineMaxYuan"], message: "records.validation.fineMaxBelowMin" });
  });
export type ViolationTypeInput = z.output<typeof violationTypeSchema>;
