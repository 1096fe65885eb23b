/**
 * Where to go after signing in. Only a path on this site survives: "/\evil.example",
 * "//evil.example", "/\t/evil.example" and absolute URLs are what browsers (and Next's
 * redirect) would send elsewhere, so they are dropped. Pure; used by the login page,
 * the sign-in steps and next-auth's redirect callback.
 */
const BASE = "http://callback.invalid";

export function safeLocalPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  // Backslashes and control characters are rewritten by URL parsers (and browsers) into
  // something else than what was checked: refuse them outright.
  if (!raw.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return url.pathname + url.search + url.hash;
}

/** The page to open after signing in: a local path, and not the sign-in pages (a loop) or next-auth's endpoints. */
export function afterSignInPath(raw: unknown): string | null {
  const path = safeLocalPath(Array.isArray(raw) ? raw[0] : raw);
  if (!path || /^\/(login|api\/auth)(\/|$|\?|#)/.test(path)) return null;
  return path;
}
