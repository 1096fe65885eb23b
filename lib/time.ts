/**
 * Report periods are calendar days in Asia/Shanghai (UTC+8, no daylight saving).
 * Timestamps are stored as timestamptz; these helpers turn local dates into instants.
 */
export const TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 3600_000;

/** Start of the local day (YYYY-MM-DD in Asia/Shanghai) as an instant. */
export function localDayStart(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** [from, to) instants covering a whole local year. */
export function yearRange(year: number): { from: Date; to: Date } {
  return { from: localDayStart(`${year}-01-01`), to: localDayStart(`${year + 1}-01-01`) };
}

/** Local wall-clock parts of an instant. */
export function localParts(at: Date) {
  const t = new Date(at.getTime() + OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    weekday: t.getUTCDay(),
  };
}

export function addDays(isoDate: string, days: number): string {
  const d = localDayStart(isoDate);
  return localDate(new Date(d.getTime() + days * 86400_000));
}

/** Local wall-clock time (HH:MM:SS, Asia/Shanghai) of an instant. */
export function localClock(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 19);
}
