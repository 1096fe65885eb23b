/**
 * Keyset pagination: the cursor is the (sort value, id) of the last row shown, so a
 * page costs the same at row 10 and row 10 million.
 */
import { z } from "zod";

export const zLimit = z.coerce.number().int().min(1).max(500).default(50);

export function encodeCursor(sortValue: string | number | Date, id: string): string {
  const v = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([v, id])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The (sort value, id) of a cursor this server made, or null for anything else. */
export function decodeCursor(cursor: string | null | undefined): { sortValue: string | number; id: string } | null {
  if (!cursor || cursor.length > 400) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [sortValue, id] = v;
    if (typeof id !== "string" || !UUID.test(id)) return null;
    if (typeof sortValue === "number") return Number.isFinite(sortValue) ? { sortValue, id } : null;
    // Text as the database can compare it: no control characters (NUL is refused by PostgreSQL).
    if (typeof sortValue !== "string" || sortValue.length > 200 || /[\u0000-\u001f]/.test(sortValue)) return null;
    return { sortValue, id };
  } catch {
    return null;
  }
}

const isInstant = (s: unknown) => {
  if (typeof s !== "string") return false;
  const t = Date.parse(s);
  // Within what PostgreSQL's timestamptz and our records can hold.
  return Number.isFinite(t) && t > Date.UTC(1900, 0, 1) && t < Date.UTC(2200, 0, 1);
};

/** A ?cursor= of a list sorted by text: one this server could have made, else 422 (never a 500). */
export const zCursor = z
  .string()
  .max(400, "validation.cursor")
  .refine((c) => decodeCursor(c) !== null, "validation.cursor")
  .optional();

/** A ?cursor= of a list sorted by a time: its sort value must be an instant. */
export const zTimeCursor = z
  .string()
  .max(400, "validation.cursor")
  .refine((c) => isInstant(decodeCursor(c)?.sortValue), "validation.cursor")
  .optional();

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Given limit+1 fetched rows, the page and the cursor for the next one. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValue: (row: T) => string | number | Date,
): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(sortValue(last), last.id) : null };
}
