/** Key vehicles (两客一危一校/一货), their enterprises and drivers, and supervision of them. */
import { z } from "zod";
import { zCursor, zTimeCursor, zLimit } from "@/lib/pagination";
import {
  ACTION_KINDS,
  EMPLOYMENT,
  ENTERPRISE_KINDS,
  FINDING_KINDS,
  FINDING_ORIGINS,
  FINDING_STATUSES,
  KEY_VEHICLE_CLASSES,
  KEY_VEHICLE_STATUSES,
  LICENCE_STATUSES,
  PLATE_COLORS,
} from "@/lib/records/enums";
import {
  opt,
  zBool,
  zEnumDefault,
  zExternalRef,
  zIdCardRequired,
  zOptDate,
  zOptEnum,
  zOptPastInstant,
  zOptText,
  zOptUnitCode,
  zOptUuid,
  zPlateRequired,
  zText,
  zUuid,
} from "@/lib/validation";

/** 统一社会信用代码: 18 characters, no I, O, S, V or Z. */
const zCreditCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : (v ?? undefined)),
  z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, "keyvehicles.validation.creditCode")
    .optional(),
);
const zOptPhone = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") || undefined : (v ?? undefined)),
  z
    .string()
    .regex(/^(1[3-9]\d{9}|0\d{9,11})$/, "validation.phone")
    .optional(),
);
export const LICENCE_CLASSES = [
  "A1",
  "A2",
  "A3",
  "B1",
  "B2",
  "C1",
  "C2",
  "C3",
  "C4",
  "D",
  "E",
  "F",
  "M",
  "N",
  "P",
] as const;

export const enterpriseSchema = z.object({
  name: zText(100),
  creditCode: zCreditCode,
  kind: z.enum(ENTERPRISE_KINDS, { message: "records.validation.choice" }),
  address: zOptText(200),
  contactName: zOptText(50),
  contactPhone: zOptPhone,
  active: z.preprocess((v) => (v === undefined ? true : v), zBool),
  unitCode: zOptUnitCode,
  externalRef: zExternalRef,
});
export type EnterpriseInput = z.output<typeof enterpriseSchema>;

export const keyVehicleSchema = z.object({
  plate: zPlateRequired,
  plateColor: zOptEnum(PLATE_COLORS),
  vehicleClass: z.enum(KEY_VEHICLE_CLASSES, { message: "records.validation.choice" }),
  enterpriseId: zOptUuid,
  inspectionDue: zOptDate,
  scrapDue: zOptDate,
  status: zEnumDefault(KEY_VEHICLE_STATUSES, "active"),
  unitCode: zOptUnitCode,
  externalRef: zExternalRef,
});
export type KeyVehicleInput = z.output<typeof keyVehicleSchema>;

export const keyDriverSchema = z.object({
  name: zText(50),
  idNumber: zIdCardRequired,
  licenceNumber: zOptText(30),
  licenceClass: zOptEnum(LICENCE_CLASSES),
  licenceStatus: zEnumDefault(LICENCE_STATUSES, "valid"),
  qualificationNo: zOptText(40),
  qualificationExpires: zOptDate,
  enterpriseId: zOptUuid,
  unitCode: zOptUnitCode,
  externalRef: zExternalRef,
});
export type KeyDriverInput = z.output<typeof keyDriverSchema>;

/** Edits: the same fields, all optional, and the record's id. */
export const updateEnterpriseSchema = enterpriseSchema.partial().extend({ id: zUuid });
export const updateKeyVehicleSchema = keyVehicleSchema.partial().extend({ id: zUuid });
export const updateKeyDriverSchema = keyDriverSchema.partial().extend({ id: zUuid, employment: zOptEnum(EMPLOYMENT) });

export const findingSchema = z
  .object({
    kind: z.enum(FINDING_KINDS, { message: "records.validation.choice" }),
    origin: zEnumDefault(FINDING_ORIGINS, "inspection"),
    description: zText(2000),
    enterpriseId: zOptUuid,
    keyVehicleId: zOptUuid,
    keyDriverId: zOptUuid,
    foundAt: zOptPastInstant,
    unitCode: zOptUnitCode,
    externalRef: zExternalRef,
  })
  .superRefine((v, ctx) => {
    if (!v.enterpriseId && !v.keyVehicleId && !v.keyDriverId)
      ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "keyvehicles.validation.subject" });
  });
export type FindingInput = z.output<typeof findingSchema>;

export const actionSchema = z.object({
  findingId: zUuid,
  kind: z.enum(ACTION_KINDS, { message: "records.validation.choice" }),
  takenAt: zOptPastInstant,
  note: zOptText(2000),
  /** For inspection_enforced: the vehicle's new inspection due date. */
  newInspectionDue: zOptDate,
  externalRef: zExternalRef,
});
export type ActionInput = z.output<typeof actionSchema>;

export const closeFindingSchema = z.object({ id: zUuid, closingNote: zText(2000) });
export type CloseFindingInput = z.output<typeof closeFindingSchema>;

export const listKeySchema = z.object({
  q: zOptText(50),
  unit: zOptUnitCode,
  kind: zOptText(30),
  status: zOptText(30),
  overdue: opt(zBool),
  enterprise: zOptUuid,
  cursor: zCursor,
  limit: zLimit,
});
export type ListKeyInput = z.output<typeof listKeySchema>;

export const listFindingsSchema = z.object({
  status: zOptEnum([...FINDING_STATUSES, "active"] as const),
  kind: zOptEnum(FINDING_KINDS),
  unit: zOptUnitCode,
  cursor: zTimeCursor,
  limit: zLimit,
});
export type ListFindingsInput = z.output<typeof listFindingsSchema>;
