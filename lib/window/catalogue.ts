/**
 * The window domain's fixed vocabularies (API keys). Plain data, shared by client and
 * server. The database repeats them in CHECK constraints (window migration).
 */

/** The eleven categories the annual report counts (../shared/data/report-zhenyuan-2019.json). */
export const CATEGORY_KEYS = [
  "new_registration_car",
  "new_registration_motorcycle",
  "licence_review",
  "plate_reissue_vehicle_licence_renewal",
  "motorcycle_licence_issued",
  "inspection_exemption_and_motorcycle_inspection",
  "c1_c2_licence_issued",
  "licence_replacement",
  "full_score_study_cancel_restore_transfer_probation",
  "vehicle_deregistration_change_mortgage_tempplate_correction",
  "other",
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** Where a transaction was done: hall window, mobile VMO trip, police-station window, village service point, online pre-check. */
export const CHANNELS = ["hall", "outreach", "police_station", "service_point", "online"] as const;
export type Channel = (typeof CHANNELS)[number];

export const PAYMENTS = ["pos", "epay", "cash", "none"] as const;
export type Payment = (typeof PAYMENTS)[number];

/** done; returned for missing documents; refused. */
export const RESULTS = ["done", "returned", "refused"] as const;
export type Result = (typeof RESULTS)[number];

export const RATINGS = ["satisfied", "basic", "dissatisfied"] as const;
export type Rating = (typeof RATINGS)[number];

export const TICKET_STATUSES = ["waiting", "called", "done", "no_show"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const COMPLAINT_SOURCES = ["evaluation", "phone", "letter", "other"] as const;

/** Days a complaint opened by a dissatisfied rating has before it is due. */
export const COMPLAINT_DUE_DAYS = 7;

/** "A001": letter and at least three digits. */
export function ticketNumber(letter: string, seq: number): string {
  return letter + String(seq).padStart(3, "0");
}

/** Minutes after midnight ↔ "08:30". */
export function minutesToHhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
}

export function hhmmToMinutes(s: string): number | null {
  const m = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(s.trim());
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 ? v : null;
}
