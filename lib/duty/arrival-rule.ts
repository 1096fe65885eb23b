/**
 * Arrival at a must-reach point by one fix: the rule the phone checks in by and the server
 * accepts check-ins by (lib/duty/check-in.ts), and the time windows plan vs actual uses.
 * Pure and light (no zod, no turf): the field app loads it with its first screen.
 */
import { distanceM } from "@/lib/geo/distance";
import { localMinutes } from "@/lib/time";
import { hhmmToMinutes } from "./week";

/**
 * Why a fix does not count as arriving at a point (an i18n key), or null when it does:
 * during the beat, inside one of the point's windows (if it has any), and within its
 * radius (plus the fix's accuracy, at most 50 m of it). The phone checks in automatically
 * with this rule and the server accepts check-ins by it.
 */
export function checkInIssue(
  point: { lat: number; lng: number; radiusM: number; timeWindows: { from: string; to: string }[] },
  beat: { startsAt: number; endsAt: number },
  fix: { at: number; lat: number; lng: number; accuracyM?: number | null },
): "duty.checkIn.outsideShift" | "duty.checkIn.outsideWindow" | "duty.checkIn.tooFar" | null {
  if (fix.at < beat.startsAt || fix.at > beat.endsAt) return "duty.checkIn.outsideShift";
  if (!inWindows(fix.at, point.timeWindows)) return "duty.checkIn.outsideWindow";
  if (distanceM(fix, point) > point.radiusM + Math.min(fix.accuracyM ?? 0, 50)) return "duty.checkIn.tooFar";
  return null;
}

export function inWindows(at: number, windows: { from: string; to: string }[]): boolean {
  if (windows.length === 0) return true;
  const m = localMinutes(at);
  return windows.some((w) => {
    const a = hhmmToMinutes(w.from),
      b = hhmmToMinutes(w.to);
    return a <= b ? m >= a && m < b : m >= a || m < b; // a window may run past midnight
  });
}
