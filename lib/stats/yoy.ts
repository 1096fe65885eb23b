/**
 * Year-over-year change (同比) as published: a signed percentage rounded to two
 * decimals, half away from zero. Computed in integers so 32.075 does not become 32.07
 * through binary floating point. null when there is nothing to compare with.
 */
export function yoyPct(value: number, prev: number | null | undefined): number | null {
  if (prev === null || prev === undefined || prev === 0) return null;
  const diff = value - prev;
  if (diff === 0) return 0;
  const x = BigInt(Math.abs(Math.round(diff * 1000))) * 10_000n; // values may carry up to 3 decimals
  const p = BigInt(Math.abs(Math.round(prev * 1000)));
  let q = x / p;
  if (2n * (x % p) >= p) q += 1n;
  if (q === 0n) return 0;
  const sign = Math.sign(diff) * Math.sign(prev);
  return (sign * Number(q)) / 100;
}

export interface Compared {
  value: number;
  prev: number | null;
  yoyPct: number | null;
}

export function compare(value: number, prev: number | null): Compared {
  return { value, prev, yoyPct: yoyPct(value, prev) };
}
