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

/** The instant of a local date and "HH:MM". */
export function localInstant(isoDate: string, hhmm: string): Date {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(localDayStart(isoDate).getTime() + (h * 60 + m) * 60_000);
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

/** "now" as a datetime-local value (YYYY-MM-DDTHH:MM) in Asia/Shanghai: a form's default time. */
export function localNowInput(now = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** [from, to) instants of the local days `from` … `to` (inclusive). */
export function localDaysRange(p: { from: string; to: string }): { from: Date; to: Date } {
  return { from: localDayStart(p.from), to: localDayStart(addDays(p.to, 1)) };
}

/** YYYY-MM-DD → the Date Prisma reads and writes for a DATE column (UTC midnight). */
export const dayValue = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
/** A DATE column's value → YYYY-MM-DD. */
export function dayString(d: Date): string;
export function dayString(d: Date | null | undefined): string | null;
export function dayString(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** A calendar day written YYYY-MM-DD that exists (2023-02-30 does not). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An instant from an ISO 8601 string, epoch milliseconds or a Date; null when it is none.
 * Without an offset ("2024-05-01T08:30", what datetime-local inputs send) the wall clock
 * is Asia/Shanghai's.
 */
export function parseLocalInstant(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? new Date(v) : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (!ISO.test(s)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const d = new Date(hasZone ? s.replace(" ", "T") : s.replace(" ", "T") + "Z");
  if (Number.isNaN(d.getTime())) return null;
  return hasZone ? d : new Date(d.getTime() - OFFSET_MS);
}

export function addDays(isoDate: string, days: number): string {
  const d = localDayStart(isoDate);
  return localDate(new Date(d.getTime() + days * 86400_000));
}

/** Local wall-clock time (HH:MM:SS, Asia/Shanghai) of an instant. */
export function localClock(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 19);
}
