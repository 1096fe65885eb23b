/** accountPeriods (lib/jobs/periods.ts): every period run or caught up exactly once. */
import { describe, expect, it } from "vitest";
import { accountPeriods, type JobRunRow } from "@/lib/jobs/periods";

const M = 60_000;
const T = Date.UTC(2026, 11, 4, 8, 0);
const row = (minute: number, status = "done", coversFromMinute: number | null = null): JobRunRow => ({
  periodStart: new Date(T + minute * M),
  status,
  coversFrom: coversFromMinute === null ? null : new Date(T + coversFromMinute * M),
});

describe("accountPeriods", () => {
  it("counts periods run in place and periods caught up by a later run", () => {
    // 0 and 1 ran; 2 was interrupted, 3 and 4 nobody ran; 5 caught up 2–4; 6 ran.
    const a = accountPeriods([row(0), row(1), row(2, "failed"), row(5, "done", 2), row(6)], M);
    expect(a).toMatchObject({ periods: 7, run: 4, covered: 3, unaccounted: [], twice: [] });
    expect(a.catchUps).toEqual([{ periodStart: new Date(T + 5 * M), coversFrom: new Date(T + 2 * M) }]);
  });

  it("finds a period nobody ran nor covered, and one covered twice", () => {
    expect(accountPeriods([row(0), row(3)], M).unaccounted).toEqual([new Date(T + M), new Date(T + 2 * M)]);
    expect(accountPeriods([row(0), row(1), row(3, "done", 1)], M).twice).toEqual([new Date(T + M)]);
  });

  it("has nothing to say before the first finished run", () => {
    expect(accountPeriods([row(0, "running")], M)).toMatchObject({ periods: 0, unaccounted: [], twice: [] });
  });
});
