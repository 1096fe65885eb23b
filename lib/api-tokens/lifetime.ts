/**
 * API tokens always expire: a token made without a date lives API_TOKEN_DEFAULT_DAYS
 * (90), and none may live longer than API_TOKEN_MAX_DAYS (365). Shown on the tokens page.
 */
const days = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

export function tokenLifetimeDays() {
  const max = days("API_TOKEN_MAX_DAYS", 365);
  return { default: Math.min(days("API_TOKEN_DEFAULT_DAYS", 90), max), max };
}

const DAY_MS = 86_400_000;

/** The expiry of a new token: the date asked for, or the default; null when the date is past or beyond the maximum. */
export function tokenExpiry(asked: Date | undefined, now = new Date()): Date | null {
  const { default: def, max } = tokenLifetimeDays();
  const at = asked ?? new Date(now.getTime() + def * DAY_MS);
  if (at.getTime() <= now.getTime() || at.getTime() > now.getTime() + max * DAY_MS + DAY_MS) return null;
  return at;
}
