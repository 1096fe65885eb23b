/**
 * Time windows as typed in a form ("07:00-09:00, 17:00-19:00") — a must-reach point's
 * windows and a brigade's peak hours. Pure (client forms and tests use it); the zod
 * schema (zTimeWindow) checks the times.
 */
export interface TypedTimeWindow {
  from: string;
  to: string;
}

/**
 * "07:00-09:00, 17:00-19:00" → [{ from, to }, …], split on commas (either width) and
 * spaces. A window without its end gets `to: ""`, so the schema names the bad time
 * ("duty.validation.hhmm") instead of reporting a missing field.
 */
export function parseTimeWindows(text: string): TypedTimeWindow[] {
  return text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((w) => ({ from: w.split("-")[0], to: w.split("-")[1] ?? "" }));
}

/** The first message of a time-window list field ("timeWindows.1.to" under "timeWindows"). */
export function timeWindowsError(fields: Record<string, string>, name: string): string | undefined {
  return Object.entries(fields).find(([k]) => k.startsWith(name))?.[1];
}
