/**
 * Roster warnings that are advice, not errors (the board shows them, the API returns
 * them): less than 8 hours' rest between one person's shifts, and a red grid with a peak
 * window nobody covers. Pure, over plain beats.
 */
import { weekDays } from "./week";
import { localInstant } from "@/lib/time";

export const MIN_REST_MS = 8 * 3600_000;

export interface BeatSpan {
  id: string;
  gridId: string;
  start: number;
  end: number;
  userIds: string[];
}

export interface RestIssue {
  userId: string;
  otherBeatId: string;
  restH: number;
}

/** For each beat, the people who get less than 8 hours off before or after it. */
export function restIssues(beats: BeatSpan[], minRestMs = MIN_REST_MS): Map<string, RestIssue[]> {
  const out = new Map<string, RestIssue[]>();
  const byUser = new Map<string, BeatSpan[]>();
  for (const b of beats) for (const u of b.userIds) byUser.set(u, [...(byUser.get(u) ?? []), b]);
  const add = (beatId: string, issue: RestIssue) => out.set(beatId, [...(out.get(beatId) ?? []), issue]);
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1],
        next = list[i];
      const gap = next.start - prev.end;
      if (gap >= 0 && gap < minRestMs) {
        const restH = Math.round((gap / 3600_000) * 10) / 10;
        add(prev.id, { userId, otherBeatId: next.id, restH });
        add(next.id, { userId, otherBeatId: prev.id, restH });
      }
    }
  }
  return out;
}

export interface PeakGap {
  gridId: string;
  day: string;
  from: string;
  to: string;
}

/** Peak windows of red grids, day by day, that no beat on the grid overlaps. */
export function peakGaps(
  redGridIds: string[],
  days: string[],
  peaks: { from: string; to: string }[],
  beats: Pick<BeatSpan, "gridId" | "start" | "end">[],
): PeakGap[] {
  const gaps: PeakGap[] = [];
  for (const gridId of redGridIds) {
    const on = beats.filter((b) => b.gridId === gridId);
    for (const day of days) {
      for (const p of peaks) {
        const a = localInstant(day, p.from).getTime();
        let b = localInstant(day, p.to).getTime();
        if (b <= a) b += 86_400_000;
        if (!on.some((x) => x.start < b && x.end > a)) gaps.push({ gridId, day, from: p.from, to: p.to });
      }
    }
  }
  return gaps;
}

export { weekDays };
