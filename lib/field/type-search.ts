/**
 * The catalogue picker's search: by name (Chinese or English, any part) and by the pinyin
 * initials of the Chinese name ("wftc" finds 违法停车), initials' prefix matches first.
 */
import type { FieldType } from "./types";

export function searchTypes(types: FieldType[], query: string, limit = 30): FieldType[] {
  const q = query.trim().toLowerCase();
  if (!q) return types.slice(0, limit);
  const scored: [number, FieldType][] = [];
  for (const t of types) {
    let score = -1;
    if (t.initials.startsWith(q)) score = 0;
    else if (t.nameZh.includes(q)) score = 1;
    else if (t.initials.includes(q)) score = 2;
    else if (t.nameEn.toLowerCase().includes(q) || t.key.includes(q)) score = 3;
    if (score >= 0) scored.push([score, t]);
  }
  return scored
    .sort((a, b) => a[0] - b[0])
    .slice(0, limit)
    .map(([, t]) => t);
}
