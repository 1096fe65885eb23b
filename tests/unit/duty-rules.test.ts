import { describe, expect, it } from "vitest";
import { peakGaps, restIssues } from "@/lib/duty/coverage";
import { nearestOnDuty } from "@/lib/duty/nearest";
import { beatActual, detectArrival, insideShare, type Fix } from "@/lib/duty/plan-actual";
import { assessRisk, DEFAULT_RISK, riskColour } from "@/lib/duty/risk";
import { suggestStaffing } from "@/lib/duty/staffing";
import { shiftRange, weekStartOf } from "@/lib/duty/week";
import { localInstant } from "@/lib/time";

describe("risk colour", () => {
  const w = { ...DEFAULT_RISK, yellowAt: 10, redAt: 30 };
  it("weights fatal > injury > serious > other and applies the thresholds at their boundaries", () => {
    expect(assessRisk({ fatal: 1, injury: 0, property: 0, serious: 0, other: 0 }, w).score).toBe(10);
    expect(assessRisk({ fatal: 0, injury: 1, property: 0, serious: 0, other: 0 }, w).score).toBe(4);
    expect(assessRisk({ fatal: 0, injury: 0, property: 1, serious: 1, other: 1 }, w).score).toBe(4);
    expect(riskColour(9, w)).toBe("green");
    expect(riskColour(10, w)).toBe("yellow");
    expect(riskColour(29, w)).toBe("yellow");
    expect(riskColour(30, w)).toBe("red");
    expect(assessRisk({ fatal: 3, injury: 0, property: 0, serious: 0, other: 0 }, w).colour).toBe("red");
    expect(assessRisk({ fatal: 3, injury: 0, property: 0, serious: 0, other: 0 }, { ...w, redAt: 31 }).colour).toBe(
      "yellow",
    );
  });
});

describe("staffing suggestion", () => {
  it("grows with the factors and never suggests fewer than one of each", () => {
    const none = suggestStaffing({
      drivers: null,
      roadKm: null,
      accidents12m: 0,
      difficulty: 3,
      availablePolice: null,
    });
    expect([none.police, none.auxiliaries]).toEqual([1, 1]);
    const busy = suggestStaffing({ drivers: 15_000, roadKm: 8, accidents12m: 30, difficulty: 4, availablePolice: 1 });
    expect(busy.workload).toBeCloseTo((15 + 4 + 30) * (4 / 3), 1);
    expect(busy.police).toBe(3);
    expect(busy.auxiliaries).toBe(9);
    expect(busy.policeShortfall).toBe(2);
  });
});

describe("weeks and shifts (Asia/Shanghai)", () => {
  it("starts weeks on Monday and rolls night shifts into the next day", () => {
    expect(weekStartOf("2026-11-25")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23"); // Sunday
    expect(weekStartOf("2026-11-30")).toBe("2026-11-30");
    expect(localInstant("2026-11-25", "07:00").toISOString()).toBe("2026-11-24T23:00:00.000Z");
    const night = shiftRange("2026-11-27", "20:00", "02:00");
    expect(night.endsAt.getTime() - night.startsAt.getTime()).toBe(6 * 3600_000);
    const day24 = shiftRange("2026-11-27", "08:00", "08:00");
    expect(day24.endsAt.getTime() - day24.startsAt.getTime()).toBe(24 * 3600_000);
  });
});

describe("roster warnings", () => {
  const h = 3600_000;
  it("flags less than 8 hours' rest between one person's shifts, both ways", () => {
    const issues = restIssues([
      { id: "a", gridId: "g", start: 0, end: 8 * h, userIds: ["u1", "u2"] },
      { id: "b", gridId: "g", start: 15 * h, end: 20 * h, userIds: ["u1"] },
      { id: "c", gridId: "g", start: 16 * h, end: 18 * h, userIds: ["u2"] },
      { id: "d", gridId: "g", start: 26 * h, end: 28 * h, userIds: ["u2"] },
    ]);
    expect(issues.get("a")).toEqual([{ userId: "u1", otherBeatId: "b", restH: 7 }]);
    expect(issues.get("b")).toEqual([{ userId: "u1", otherBeatId: "a", restH: 7 }]);
    expect(issues.get("c")).toBeUndefined(); // exactly 8 h either side is enough
    expect(issues.get("d")).toBeUndefined();
  });
  it("lists red grids' peak windows that no beat overlaps", () => {
    const peaks = [
      { from: "07:00", to: "09:00" },
      { from: "17:00", to: "19:00" },
    ];
    const m = localInstant("2026-11-25", "07:30").getTime();
    const gaps = peakGaps(["g1"], ["2026-11-25", "2026-11-26"], peaks, [
      { gridId: "g1", start: m, end: m + 3600_000 },
      { gridId: "g2", start: m + 10 * 3600_000, end: m + 11 * 3600_000 },
    ]);
    expect(gaps).toEqual([
      { gridId: "g1", day: "2026-11-25", from: "17:00", to: "19:00" },
      { gridId: "g1", day: "2026-11-26", from: "07:00", to: "09:00" },
      { gridId: "g1", day: "2026-11-26", from: "17:00", to: "19:00" },
    ]);
  });
});

describe("plan vs actual", () => {
  const point = { id: "p", name: "东关", lat: 27.05, lng: 108.42, radiusM: 100, timeWindows: [] };
  const start = Date.UTC(2026, 10, 25, 0, 0); // 08:00 local
  const at = (min: number, lat: number, lng: number): Fix => ({ at: start + min * 60_000, lat, lng, accuracyM: 10 });
  const near = (min: number) => at(min, 27.0503, 108.4201); // ~35 m away
  const far = (min: number) => at(min, 27.06, 108.44);

  it("counts an arrival only after the minimum dwell within the radius", () => {
    expect(detectArrival(point, [far(0), near(10), near(11), near(12), far(13)], { minDwellS: 120 })).toMatchObject({
      reached: true,
      arrivedAt: start + 10 * 60_000,
      dwellS: 120,
    });
    expect(detectArrival(point, [far(0), near(10), near(11), far(12)], { minDwellS: 120 })).toMatchObject({
      reached: false,
      dwellS: 60,
    });
  });
  it("breaks a stay at a gap in reporting and ignores imprecise fixes and closed windows", () => {
    expect(detectArrival(point, [near(10), near(20)], { minDwellS: 120, maxGapS: 300 }).reached).toBe(false);
    expect(
      detectArrival(point, [near(10), { ...near(11), accuracyM: 500 }, near(13)], { minDwellS: 120 }).reached,
    ).toBe(true); // precision is filtered in beatActual
    const windowed = { ...point, timeWindows: [{ from: "09:00", to: "10:00" }] };
    expect(detectArrival(windowed, [near(10), near(11), near(12)], { minDwellS: 60 }).reached).toBe(false);
    expect(detectArrival(windowed, [near(70), near(71), near(72)], { minDwellS: 60 }).reached).toBe(true);
  });
  it("measures the share of the shift inside the grid, silent time not counted", () => {
    const grid = {
      type: "Polygon" as const,
      coordinates: [
        [
          [108.41, 27.04],
          [108.43, 27.04],
          [108.43, 27.06],
          [108.41, 27.06],
          [108.41, 27.04],
        ],
      ],
    };
    const end = start + 60 * 60_000;
    // inside for minutes 0–30 (fixes every 5 min), then outside
    const fixes = [0, 5, 10, 15, 20, 25].map((m) => near(m)).concat([30, 35, 40, 45, 50, 55].map((m) => far(m)));
    expect(insideShare(grid, fixes, start, end).share).toBeCloseTo(0.5, 5);
    // one fix at minute 0 and silence: at most 5 minutes count
    expect(insideShare(grid, [near(0)], start, end, 300).share).toBeCloseTo(5 / 60, 5);
    const all = beatActual(
      { startsAt: start, endsAt: end, grid, points: [point] },
      [...fixes, { ...near(1), accuracyM: 900 }],
      { minDwellS: 120 },
    );
    expect(all.points[0].reached).toBe(true);
    expect(all.fixes).toBe(12);
  });
});

describe("nearest on-duty officers", () => {
  it("orders fresh on-duty people by distance and leaves out the caller, the stale and the off duty", () => {
    const now = Date.now();
    const people = [
      { userId: "me", lat: 27.05, lng: 108.42, status: "sos", at: now },
      { userId: "a", lat: 27.06, lng: 108.42, status: "on_patrol", at: now },
      { userId: "b", lat: 27.051, lng: 108.42, status: "handling_incident", at: now },
      { userId: "c", lat: 27.0501, lng: 108.42, status: "off_duty", at: now },
      { userId: "d", lat: 27.0502, lng: 108.42, status: "on_patrol", at: now - 3600_000 },
    ];
    const n = nearestOnDuty(people, { lat: 27.05, lng: 108.42 }, { now, staleAfterS: 600, exclude: "me" });
    expect(n.map((p) => p.userId)).toEqual(["b", "a"]);
    expect(n[0].distanceM).toBe(111);
  });
});
