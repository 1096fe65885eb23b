/**
 * The length of a bar. Linear from zero — except when one value dwarfs the rest (more than
 * `dwarf` times the next): then the others are scaled to the next value and the dwarfing bar
 * is drawn full length with a break, its figure written beside it. So a skewed chart (one
 * road with 600 points, five with 20) shows every bar instead of one bar and five slivers.
 */
export interface BarScale {
  broken: boolean;
  /** Width in percent of the track, and whether this bar is the broken one. */
  of(v: number | null | undefined): { width: number; broken: boolean };
}

export function barScale(values: (number | null | undefined)[], dwarf = 6): BarScale {
  const pos = values.filter((v): v is number => typeof v === "number" && v > 0).sort((a, b) => b - a);
  const max = pos[0] ?? 0;
  const next = pos.find((v) => v < max) ?? 0;
  const broken = next > 0 && max > dwarf * next;
  // With a break the others use 80 % of the track, the next largest about two thirds of it.
  const top = broken ? next * 1.25 : max;
  const room = broken ? 80 : 100;
  return {
    broken,
    of(v) {
      if (typeof v !== "number" || v <= 0 || max === 0) return { width: 0, broken: false };
      if (broken && v === max) return { width: 100, broken: true };
      return { width: Math.min(room, (v / top) * room), broken: false };
    },
  };
}

/** Round axis ticks from zero to at least `max`, about four steps (1, 2, 2.5 or 5 × 10ⁿ). */
export function niceTicks(max: number, steps = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / steps;
  const p = 10 ** Math.floor(Math.log10(raw));
  // Counts step by whole numbers.
  const step = Math.max(max >= 1 ? 1 : 0, [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p);
  const out: number[] = [];
  for (let v = 0; v < max + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  if (out[out.length - 1] < max) out.push(Math.round((out[out.length - 1] + step) * 1e6) / 1e6);
  return out;
}
