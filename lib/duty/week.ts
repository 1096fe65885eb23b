/**
 * Roster weeks run Monday to Sunday in Asia/Shanghai. Dates are "YYYY-MM-DD" local days;
 * times "HH:MM" local wall clock (China has no daylight saving, so +08:00 is exact).
 */
import { addDays, localDate, localDayStart, localParts } from "@/lib/time";

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

/** The instant of a local date and "HH:MM". */
export function localInstant(isoDate: string, hhmm: string): Date {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(localDayStart(isoDate).getTime() + (h * 60 + m) * 60_000);
}

/** [start, end) of a shift starting on a local date; an end not after the start is the next day. */
export function shiftRange(isoDate: string, from: string, to: string): { startsAt: Date; endsAt: Date } {
  const startsAt = localInstant(isoDate, from);
  let endsAt = localInstant(isoDate, to);
  if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 86_400_000);
  return { startsAt, endsAt };
}

/** "HH:MM" local of an instant. */
export function localHhmm(at: Date): string {
  const p = localParts(at);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

/** Minutes since local midnight. */
export function localMinutes(at: Date | number): number {
  const p = localParts(typeof at === "number" ? new Date(at) : at);
  return p.hour * 60 + p.minute;
}

export const hhmmToMinutes = (s: string) => {
  const [h, m] = s.split(":").map(Number);
  return h * 60 + m;
};
