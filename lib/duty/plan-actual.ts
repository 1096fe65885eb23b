/**
 * Plan vs actual for one beat, from the lead officer's track and the beat's check-ins:
 *  - a must-reach point (必到点) is reached when consecutive fixes stay within its radius
 *    for at least the minimum dwell (fixes more than maxGap apart break the stay), inside
 *    the point's time windows when it has any;
 *    or when a member of the beat checked in there from the phone (checkInIssue);
 *  - the share of the shift spent inside the grid weights each fix by the time until the
 *    next one (capped at maxGap: a silent device is not "inside").
 * Pure: tested on synthetic tracks, run on real ones by lib/duty/plan-vs-actual.ts.
 */
import { distanceM } from "@/lib/geo/geometry";
import { pointInArea } from "@/lib/geo/plane";
import type { Area } from "@/lib/geo/geometry";
import { inWindows } from "./arrival-rule";

export interface Fix {
  at: number; // epoch ms
  lat: number;
  lng: number;
  accuracyM?: number | null;
}

export interface PlannedPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
  timeWindows: { from: string; to: string }[];
}

export interface ArrivalRules {
  minDwellS: number;
  /** fixes further apart than this do not make one continuous stay (default 5 min) */
  maxGapS?: number;
  /** fixes less precise than this are ignored (default 200 m) */
  maxAccuracyM?: number;
}

export interface PointResult {
  pointId: string;
  name: string;
  reached: boolean;
  arrivedAt: number | null;
  /** longest continuous stay found, seconds */
  dwellS: number;
  /** when a member of the beat checked in there from the phone (epoch ms), if they did */
  checkedInAt?: number | null;
}

/** A check-in at a must-reach point (到点签到) from a phone, with its fix. */
export interface CheckIn {
  pointId: string;
  at: number;
}

// The rule the phone also runs lives apart (no zod, no turf: the field app's first load).
export { checkInIssue, inWindows } from "./arrival-rule";

export interface BeatActual {
  points: PointResult[];
  insideS: number;
  shiftS: number;
  /** 0..1 */
  insideShare: number;
  fixes: number;
}

export function usableFixes(fixes: Fix[], start: number, end: number, maxAccuracyM = 200): Fix[] {
  return fixes
    .filter((f) => f.at >= start && f.at <= end && (f.accuracyM == null || f.accuracyM <= maxAccuracyM))
    .sort((a, b) => a.at - b.at);
}

export function detectArrival(point: PlannedPoint, fixes: Fix[], rules: ArrivalRules): PointResult {
  const maxGap = (rules.maxGapS ?? 300) * 1000;
  let runStart: number | null = null;
  let prev: number | null = null;
  let best = 0;
  for (const f of fixes) {
    const inside = distanceM(f, point) <= point.radiusM && inWindows(f.at, point.timeWindows);
    if (!inside) {
      runStart = null;
      prev = null;
      continue;
    }
    if (runStart === null || prev === null || f.at - prev > maxGap) runStart = f.at;
    prev = f.at;
    const dwell = (f.at - runStart) / 1000;
    best = Math.max(best, dwell);
    if (dwell >= rules.minDwellS)
      return { pointId: point.id, name: point.name, reached: true, arrivedAt: runStart, dwellS: dwell };
  }
  return { pointId: point.id, name: point.name, reached: false, arrivedAt: null, dwellS: best };
}

export function insideShare(
  area: Area,
  fixes: Fix[],
  start: number,
  end: number,
  maxGapS = 300,
): { insideS: number; share: number } {
  const maxGap = maxGapS * 1000;
  let insideMs = 0;
  for (let i = 0; i < fixes.length; i++) {
    const f = fixes[i];
    if (!pointInArea(area, f.lng, f.lat)) continue;
    const next = i + 1 < fixes.length ? fixes[i + 1].at : end;
    insideMs += Math.max(0, Math.min(next, end, f.at + maxGap) - f.at);
  }
  const total = Math.max(1, end - start);
  return { insideS: Math.round(insideMs / 1000), share: Math.min(1, insideMs / total) };
}

/** A check-in counts as reached at its time even without the dwell in the track (a phone that reported little). */
function withCheckIn(r: PointResult, checkIns: CheckIn[]): PointResult {
  const at = checkIns
    .filter((c) => c.pointId === r.pointId)
    .reduce<number | null>((m, c) => Math.min(m ?? c.at, c.at), null);
  if (at === null) return r;
  return { ...r, reached: true, arrivedAt: r.arrivedAt === null ? at : Math.min(r.arrivedAt, at), checkedInAt: at };
}

export function beatActual(
  beat: { startsAt: number; endsAt: number; grid: Area; points: PlannedPoint[] },
  track: Fix[],
  rules: ArrivalRules,
  checkIns: CheckIn[] = [],
): BeatActual {
  const fixes = usableFixes(track, beat.startsAt, beat.endsAt, rules.maxAccuracyM);
  const inside = insideShare(beat.grid, fixes, beat.startsAt, beat.endsAt, rules.maxGapS);
  return {
    points: beat.points.map((p) => withCheckIn(detectArrival(p, fixes, rules), checkIns)),
    insideS: inside.insideS,
    shiftS: Math.round((beat.endsAt - beat.startsAt) / 1000),
    insideShare: inside.share,
    fixes: fixes.length,
  };
}
