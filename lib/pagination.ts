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

export function decodeCursor(cursor: string | null | undefined): { sortValue: string | number; id: string } | null {
  if (!cursor) return null;
  try {
    const [sortValue, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if ((typeof sortValue !== "string" && typeof sortValue !== "number") || typeof id !== "string") return null;
    return { sortValue, id };
  } catch {
    return null;
  }
}

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
