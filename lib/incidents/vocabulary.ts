/**
 * The incident vocabulary (sources, kinds, statuses) on its own, without zod: the phone's
 * dispatches panel needs the open statuses and must not pull the validation library into
 * the field app's first load. lib/incidents/schemas.ts re-exports all of it.
 */
export const INCIDENT_SOURCES = ["call_122", "transfer_110", "patrol", "walk_in", "camera", "system"] as const;
export const INCIDENT_KINDS = [
  "accident_injury",
  "accident_property",
  "congestion",
  "obstruction",
  "breakdown",
  "dangerous_goods",
  "dispute",
  "complaint",
  "other",
] as const;
export const INCIDENT_STATUSES = [
  "received",
  "dispatched",
  "accepted",
  "on_scene",
  "handled",
  "closed",
  "cancelled",
] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** Statuses of an incident still being worked on (the desk's list, the map). */
export const OPEN_STATUSES = ["received", "dispatched", "accepted", "on_scene", "handled"] as const;
