import { AppError } from "@/lib/errors";

/**
 * PostgreSQL's text cannot hold a NUL character: one in any input would fail deep in a
 * query (a 500). Every boundary (JSON bodies, query strings, server actions, import rows)
 * refuses it up front with a 422 naming the field.
 */
export function nulPath(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 64 || value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes("\u0000")) return path ? `${path}.${k.replace(/\u0000/g, "")}` : "key";
    const found = nulPath(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function assertNoNul(value: unknown): void {
  const path = nulPath(value);
  if (path !== null) throw new AppError("INVALID", "invalid input", { fields: [{ path, message: "validation.nul" }] });
}
