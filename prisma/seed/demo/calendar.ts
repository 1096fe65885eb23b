/**
 * Calendar shape of the demo data: weekdays, public holidays, rural market days (逢场)
 * and seasons. Dates are local (Asia/Shanghai) YYYY-MM-DD strings.
 */

// Public holidays (法定节假日, the days off) of the demo years.
const HOLIDAYS: Record<number, [string, string][]> = {
  2018: [
    ["01-01", "01-01"],
    ["02-15", "02-21"],
    ["04-05", "04-07"],
    ["04-29", "05-01"],
    ["06-16", "06-18"],
    ["09-22", "09-24"],
    ["10-01", "10-07"],
    ["12-30", "12-31"],
  ],
  2019: [
    ["01-01", "01-01"],
    ["02-04", "02-10"],
    ["04-05", "04-07"],
    ["05-01", "05-04"],
    ["06-07", "06-09"],
    ["09-13", "09-15"],
    ["10-01", "10-07"],
  ],
  2023: [
    ["01-01", "01-02"],
    ["01-21", "01-27"],
    ["04-05", "04-05"],
    ["04-29", "05-03"],
    ["06-22", "06-24"],
    ["09-29", "10-06"],
    ["12-30", "12-31"],
  ],
  2024: [
    ["01-01", "01-01"],
    ["02-10", "02-17"],
    ["04-04", "04-06"],
    ["05-01", "05-05"],
    ["06-08", "06-10"],
    ["09-15", "09-17"],
    ["10-01", "10-07"],
    ["12-30", "12-31"],
  ],
  2025: [
    ["01-01", "01-01"],
    ["01-28", "02-04"],
    ["04-04", "04-06"],
    ["05-01", "05-05"],
    ["05-31", "06-02"],
    ["10-01", "10-08"],
  ],
  2026: [
    ["01-01", "01-03"],
    ["02-15", "02-23"],
    ["04-04", "04-06"],
    ["05-01", "05-05"],
    ["06-19", "06-21"],
    ["09-25", "09-27"],
    ["10-01", "10-07"],
  ],
};

export function isHoliday(day: string): boolean {
  const y = Number(day.slice(0, 4));
  const md = day.slice(5);
  return (HOLIDAYS[y] ?? []).some(([a, b]) => md >= a && md <= b);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function daysOfYear(year: number): string[] {
  return daysBetween(`${year}-01-01`, `${year}-12-31`);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Rural townships hold market day (赶场) every five days on a fixed cycle; each squad's
 * townships have their own offsets, so some township of a squad is at market most days.
 */
export function isMarketDay(day: string, cycleOffset: number): boolean {
  const n = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86400_000);
  return (n + cycleOffset) % 5 === 0;
}

/** Seasonal factor: Spring Festival travel peak and the rainy-season summer. */
export function season(day: string): number {
  const m = Number(day.slice(5, 7));
  return [1.15, 1.2, 0.95, 0.95, 1.0, 0.95, 1.0, 1.05, 0.95, 1.1, 0.95, 1.0][m - 1];
}

/** Local time of day → instant. Asia/Shanghai is UTC+8 all year. */
export function instant(day: string, minuteOfDay: number, second = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 3600_000 + minuteOfDay * 60_000 + second * 1000);
}
