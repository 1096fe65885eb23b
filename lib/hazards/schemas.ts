/** Hazard (隐患) and operation (专项行动) inputs, for forms, server actions and the API. */
import { z } from "zod";
import { zTimeCursor, zLimit } from "@/lib/pagination";
import { HAZARD_SOURCES, HAZARD_STATUSES, OPERATION_KINDS } from "@/lib/records/enums";
import {
  bothOrNeither,
  zDate,
  zEnumDefault,
  zExternalRef,
  zInstant,
  zOptDate,
  zOptDay,
  zOptEnum,
  zOptLat,
  zOptLng,
  zOptPastInstant,
  zOptText,
  zOptUnitCode,
  zOptUuid,
  zText,
  zUuid,
} from "@/lib/validation";

export const createHazardSchema = z
  .object({
    foundAt: zOptPastInstant,
    lat: zOptLat,
    lng: zOptLng,
    address: zOptText(200),
    roadName: zOptText(100),
    unitCode: zOptUnitCode,
    title: zText(100),
    description: zText(2000),
    source: zEnumDefault(HAZARD_SOURCES, "patrol"),
    responsibleParty: zOptText(100),
    deadline: zDate,
    externalRef: zExternalRef,
  })
  .superRefine(bothOrNeither);
export type CreateHazardInput = z.output<typeof createHazardSchema>;

export const updateHazardSchema = z
  .object({
    id: zUuid,
    expectedUpdatedAt: zOptPastInstant,
    title: zOptText(100),
    description: zOptText(2000),
    responsibleParty: zOptText(100),
    deadline: zOptDate,
    status: zOptEnum(HAZARD_STATUSES),
    closingNote: zOptText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.status === "closed" && !v.closingNote)
      ctx.addIssue({ code: "custom", path: ["closingNote"], message: "hazards.validation.closingNote" });
  });
export type UpdateHazardInput = z.output<typeof updateHazardSchema>;

export const listHazardsSchema = z.object({
  status: zOptEnum(HAZARD_STATUSES),
  source: zOptEnum(HAZARD_SOURCES),
  unit: zOptUnitCode,
  from: zOptDay,
  to: zOptDay,
  cursor: zTimeCursor,
  limit: zLimit,
});
export type ListHazardsInput = z.output<typeof listHazardsSchema>;

/** An H3 cell id (black spots are resolution-8 cells). */
const zCell = z.string().regex(/^[0-9a-f]{15}$/, "validation.invalid");

/** A black-spot candidate turned into a hazard: the cell, and optionally a deadline and who must act. */
export const blackSpotHazardSchema = z.object({
  cell: zCell,
  deadline: zOptDate,
  responsibleParty: zOptText(100),
});
export type BlackSpotHazardInput = z.output<typeof blackSpotHazardSchema>;

export const blackSpotsSchema = z.object({
  unit: zOptUnitCode,
  months: z.preprocess((v) => (v === "" || v == null ? 12 : v), z.coerce.number().int().min(1).max(60)),
  minAccidents: z.preprocess((v) => (v === "" || v == null ? 3 : v), z.coerce.number().int().min(2).max(100)),
});
export type BlackSpotsInput = z.output<typeof blackSpotsSchema>;

export const operationFields = {
  name: zText(100),
  kind: z.enum(OPERATION_KINDS, { message: "records.validation.choice" }),
  /** Operations are planned ahead: start and end may lie in the future. */
  startsAt: zInstant,
  endsAt: zInstant,
  notes: zOptText(2000),
  unitCode: zOptUnitCode,
  externalRef: zExternalRef,
};

export const createOperationSchema = z.object(operationFields).superRefine((v, ctx) => {
  if (v.endsAt < v.startsAt)
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "hazards.validation.endsBeforeStart" });
});
export type CreateOperationInput = z.output<typeof createOperationSchema>;

export const listOperationsSchema = z.object({
  kind: zOptEnum(OPERATION_KINDS),
  unit: zOptUnitCode,
  year: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number().int().min(1990).max(2100).optional(),
  ),
  cursor: zTimeCursor,
  limit: zLimit,
});
export type ListOperationsInput = z.output<typeof listOperationsSchema>;

export const BLACK_SPOT_MEASURE_KINDS = ["hazard", "must_reach_point", "extra_beats", "other"] as const;

/** A measure taken at a black spot (黑点治理措施): what, from which day; optionally the hazard or point it is. */
export const blackSpotMeasureSchema = z.object({
  cell: zCell,
  kind: z.enum(BLACK_SPOT_MEASURE_KINDS, { message: "records.validation.choice" }),
  description: zText(500),
  startsOn: zDate,
  hazardId: zOptUuid,
  pointId: zOptUuid,
});
export type BlackSpotMeasureInput = z.output<typeof blackSpotMeasureSchema>;

export const blackSpotCellSchema = z.object({ cell: zCell });
