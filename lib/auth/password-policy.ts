import { DEMO_PASSWORD } from "./deployment";

/**
 * The password policy for every password a person sets (new users, resets, the first
 * administrator, changes): at least 12 characters, letters and digits, not one of the
 * commonly tried passwords, not the public demo password, no part of the username.
 * Returns an i18n key naming the rule broken, or null.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// The most tried passwords and their obvious variants (lower-cased, compared without
// separators). A short list on purpose: length and the letters+digits rule do the rest.
const COMMON = new Set(
  [
    "123456789012",
    "1234567890ab",
    "password1234",
    "password12345",
    "passw0rd1234",
    "qwerty123456",
    "qwertyuiop12",
    "1qaz2wsx3edc",
    "1q2w3e4r5t6y",
    "abc123456789",
    "abcd12345678",
    "admin1234567",
    "admin123456789",
    "administrator1",
    "welcome12345",
    "iloveyou1234",
    "letmein12345",
    "trafficops123",
    "trafficops2026",
    "woaini1314520",
    "a123456789012",
    "aa1234567890",
    "zxcvbnm12345",
    "changeme1234",
    "p@ssw0rd1234",
  ].map((p) => p.replace(/[^a-z0-9@]/g, "")),
);

export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "validation.passwordShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "validation.tooLong";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "validation.passwordWeak";
  if (password === DEMO_PASSWORD) return "validation.passwordDemo";
  const plain = password.toLowerCase().replace(/[^a-z0-9@]/g, "");
  if (COMMON.has(plain) || /^(.)\1+$/.test(plain)) return "validation.passwordCommon";
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return "validation.passwordUsername";
  return null;
}
