/**
 * The nearest on-duty people to an SOS: fresh positions (not stale), status on patrol or
 * handling an incident, the person raising the alarm excluded. Used by the server's SOS
 * answer and by the live map (which recomputes as positions move).
 */
import { distanceM } from "@/lib/geo/geometry";

export const STATUSES = ["on_patrol", "handling_incident", "off_duty", "sos"] as const;
export type DutyStatus = (typeof STATUSES)[number];

export interface PersonPosition {
  userId: string;
  lat: number;
  lng: number;
  status: string;
  at: number; // epoch ms of the fix
}

export function isOnDuty(p: Pick<PersonPosition, "status" | "at">, now: number, staleAfterS: number): boolean {
  return (p.status === "on_patrol" || p.status === "handling_incident") && now - p.at <= staleAfterS * 1000;
}

export function nearestOnDuty<T extends PersonPosition>(
  people: T[],
  origin: { lat: number; lng: number },
  opts: { now: number; staleAfterS: number; exclude?: string; limit?: number },
): (T & { distanceM: number })[] {
  return people
    .filter((p) => p.userId !== opts.exclude && isOnDuty(p, opts.now, opts.staleAfterS))
    .map((p) => ({ ...p, distanceM: Math.round(distanceM(origin, p)) }))
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, opts.limit ?? 5);
}
