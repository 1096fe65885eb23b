/**
 * Roster weeks run Monday to Sunday in Asia/Shanghai. Dates are "YYYY-MM-DD" local days;
 * times "HH:MM" local wall clock (China has no daylight saving, so +08:00 is exact).
 */
import { addDays, localDate, localDayStart, localInstant, localParts } from "@/lib/time";

export function weekStartOf(isoDate: string): string {
  const wd = localParts(localDayStart(isoDate)).weekday; // 0 = Sunday
  return addDays(isoDate, wd === 0 ? -6 : 1 - wd);
}

export function currentWeekStart(now = new Date()): string {
  return weekStartOf(localDate(now));
}

export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** [start, end) of a shift starting on a local date; an end not after the start is the next day. */
export function shiftRange(isoDate: string, from: string, to: string): { startsAt: Date; endsAt: Date } {
  const startsAt = localInstant(isoDate, from);
  let endsAt = localInstant(isoDate, to);
  if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 86_400_000);
  return { startsAt, endsAt };
}

export const hhmmToMinutes = (s: string) => {
  const [h, m] = s.split(":").map(Number);
  return h * 60 + m;
};
