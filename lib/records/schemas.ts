/**
 * Input pieces every record kind shares (violations, accidents): where it happened, the
 * fields an edit carries for that, and the list filters. Each kind's `schemas.ts` spreads
 * them into its own objects, so a rule changes in one place for all kinds.
 */
import { z } from "zod";
import { zLimit, zTimeCursor } from "@/lib/pagination";
import {
  zBool,
  zClearable,
  zEnumDefault,
  zOccurredAt,
  zOptDay,
  zOptLat,
  zOptLng,
  zOptPastInstant,
  zOptText,
  zOptUnitCode,
  zOptUuid,
  zUuid,
} from "@/lib/validation";

/** When and where a record happened (create input). */
export const recordPlaceFields = {
  occurredAt: zOccurredAt,
  lat: zOptLat,
  lng: zOptLng,
  address: zOptText(200),
  roadName: zOptText(100),
  unitCode: zOptUnitCode,
};

/** The head of every edit: which record, the updatedAt the editor saw (a newer row is 409), and its place text. */
export const recordEditFields = {
  id: zUuid,
  /** The updatedAt the editor saw; a newer row means someone else changed it (409). */
  expectedUpdatedAt: zOptPastInstant,
  address: zClearable(recordPlaceFields.address),
  roadName: zClearable(recordPlaceFields.roadName),
};

/** A yes/no an edit may leave out (missing stays as it is). */
export const zEditFlag = z.preprocess((v) => (v === undefined ? undefined : v), zBool.optional());

/** A plate typed into a filter: spaces and separators dropped, upper case; empty is no filter. */
export const zPlateFilter = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s·.\-•]/g, "").toUpperCase() || undefined : undefined),
  z.string().max(12).optional(),
);

/** List filters every record kind takes (page query string and GET /api/v1/<kind>), with paging. */
export const recordListFilters = {
  from: zOptDay,
  to: zOptDay,
  plate: zPlateFilter,
  unit: zOptUnitCode,
  grid: zOptUuid,
  beat: zOptUuid,
  incident: zOptUuid,
  recordedBy: zOptUuid,
  sort: zEnumDefault(["newest", "oldest"] as const, "newest"),
  cursor: zTimeCursor,
  limit: zLimit,
};
