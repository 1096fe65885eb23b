/**
 * Labels that never read the same: each entry is named by its first parts ("东关网格 ·
 * G320 国道"); entries that would still share a name get their next part ("距东关车站 300 米"),
 * then their ordinal. Used for black spots and road segments on the dashboard.
 */
export function uniqueLabels(entries: { parts: (string | null | undefined)[] }[], base = 2, sep = " · "): string[] {
  const clean = entries.map((e) => e.parts.filter((p): p is string => !!p && p.trim() !== ""));
  const take = clean.map((parts) => Math.min(base, parts.length));
  const label = (i: number) => clean[i].slice(0, take[i]).join(sep);
  for (let round = 0; round < 8; round++) {
    const seen = new Map<string, number[]>();
    clean.forEach((_, i) => seen.set(label(i), [...(seen.get(label(i)) ?? []), i]));
    let grew = false;
    for (const same of seen.values())
      if (same.length > 1)
        for (const i of same)
          if (take[i] < clean[i].length) {
            take[i]++;
            grew = true;
          }
    if (!grew) break;
  }
  const out = clean.map((_, i) => label(i));
  const count = new Map<string, number>();
  return out.map((l) => {
    const dup = out.filter((x) => x === l).length > 1;
    if (!dup) return l;
    const k = (count.get(l) ?? 0) + 1;
    count.set(l, k);
    return `${l}${sep}#${k}`;
  });
}
