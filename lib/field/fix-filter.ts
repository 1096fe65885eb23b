/**
 * Which watchPosition fixes the phone keeps for the track: about one every 30 s or every
 * 50 m moved, never more often than one every 10 s (pure; tests/unit/field.test.ts).
 */
import { distanceM } from "@/lib/geo/distance";

export const MIN_INTERVAL_MS = 10_000;
export const EVERY_MS = 30_000;
export const EVERY_M = 50;

export interface RawFix {
  at: number;
  lat: number;
  lng: number;
  accuracyM: number | null;
}

export function keepFix(last: RawFix | null, next: RawFix, statusChanged = false): boolean {
  if (!last) return true;
  const dt = next.at - last.at;
  if (dt < MIN_INTERVAL_MS) return false;
  return statusChanged || dt >= EVERY_MS || distanceM(last, next) >= EVERY_M;
}
