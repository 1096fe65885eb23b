/**
 * Enumerations of the records API (issue: records). The keys are part of the public
 * contract (API bodies, CSV imports, exports); labels live in lib/i18n/messages/*\/records.ts.
 * The database enforces the same lists with CHECK constraints.
 */
export { PLATE_COLORS, type PlateColor } from "@/lib/vehicles/plate";

export const VEHICLE_TYPES = [
  "small_car",
  "medium_bus",
  "large_bus",
  "coach",
  "tour_bus",
  "school_bus",
  "light_truck",
  "heavy_truck",
  "hazmat_truck",
  "muck_truck",
  "concrete_mixer",
  "rural_van",
  "motorcycle",
  "tricycle",
  "e_bike",
  "low_speed_vehicle",
  "other",
] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

/** 两客一危一校/一货 and the other classes brigades supervise as key vehicles. */
export const KEY_VEHICLE_CLASSES = [
  "coach",
  "tour_bus",
  "school_bus",
  "hazmat_truck",
  "heavy_truck",
  "rural_van",
  "muck_truck",
  "concrete_mixer",
] as const;

export const VIOLATION_SOURCES = ["onsite", "camera", "video_patrol", "citizen_report"] as const;
export const VIOLATION_STATUSES = ["recorded", "notified", "closed", "appealed", "upheld", "revoked"] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

export const APPEAL_CHANNELS = ["in_person", "phone", "written", "online"] as const;
export const APPEAL_STATUSES = ["pending", "upheld", "revoked"] as const;
export const APPEAL_DECISIONS = ["upheld", "revoked"] as const;

export const ACCIDENT_HANDLING = ["onsite", "quick", "remote_video"] as const;
export const ACCIDENT_STATUSES = ["open", "closed"] as const;
export const ACCIDENT_SEVERITIES = ["fatal", "injury", "property"] as const;
export type AccidentSeverity = (typeof ACCIDENT_SEVERITIES)[number];
export const WEATHER = ["sunny", "cloudy", "rain", "snow", "fog", "ice", "other"] as const;
export const ROAD_TYPES = [
  "highway",
  "national",
  "provincial",
  "county",
  "township",
  "village",
  "urban",
  "other",
] as const;
export const ACCIDENT_CAUSES = [
  "speeding",
  "drink_driving",
  "fatigue",
  "wrong_way",
  "improper_overtaking",
  "not_yielding",
  "illegal_turn",
  "following_too_close",
  "overloading",
  "mechanical_failure",
  "road_condition",
  "pedestrian",
  "other",
] as const;
export const PARTY_ROLES = ["driver", "passenger", "pedestrian", "other"] as const;

export const HAZARD_SOURCES = ["patrol", "black_spot", "enterprise_check", "citizen"] as const;
export const HAZARD_STATUSES = ["open", "rectifying", "closed"] as const;

export const OPERATION_KINDS = ["campaign", "escort"] as const;

export const ENTERPRISE_KINDS = ["passenger", "tourism", "hazmat", "freight", "school", "mixed"] as const;
export const KEY_VEHICLE_STATUSES = ["active", "suspended", "scrapped", "deregistered"] as const;
export const LICENCE_STATUSES = ["valid", "expired", "suspended", "revoked", "full_score"] as const;
export const EMPLOYMENT = ["employed", "dismissed"] as const;
export const FINDING_KINDS = [
  "overdue_inspection",
  "scrap_due",
  "unqualified_driver",
  "repeated_violations",
  "enterprise_risk",
  "other",
] as const;
export const FINDING_ORIGINS = ["data_screening", "inspection", "report"] as const;
export const FINDING_STATUSES = ["open", "controlled", "closed"] as const;
export const ACTION_KINDS = [
  "notice_letter",
  "enterprise_interview",
  "driver_dismissal",
  "offence_prosecuted",
  "inspection_enforced",
  "other",
] as const;

export const LICENCE_ACTIONS = ["none", "seize", "revoke"] as const;
