/**
 * Resident ID-card numbers, GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
 * sequence, 1 check character (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function normalizeIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isValidIdCard(raw: string, today: Date = new Date()): boolean {
  const id = normalizeIdCard(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth > today) return false;
  return idCardCheckChar(id) === id[17];
}

/** 522625********123X: region and last four only. */
export function maskIdCard(raw: string | null | undefined): string {
  if (!raw) return "";
  const id = normalizeIdCard(raw);
  if (id.length < 10) return "*".repeat(id.length);
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}

/**
 * A driving-licence number: in China it is the holder's ID-card number (older and file
 * numbers are shorter), so it is masked exactly like one. Full only through an audited reveal.
 */
export const maskLicence = maskIdCard;

/** Masks a name to its first character: 张** */
export function maskName(name: string | null | undefined): string {
  if (!name) return "";
  const chars = [...name];
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

/** Masks a mobile number: 138****5678 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  return phone.length >= 7 ? phone.slice(0, 3) + "****" + phone.slice(-4) : "****";
}
