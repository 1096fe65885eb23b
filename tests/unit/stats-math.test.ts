import { describe, expect, it } from "vitest";
import { dayCount, previousPeriod, previousYear, resolvePeriod } from "@/lib/stats/periods";
import { yoyPct } from "@/lib/stats/yoy";

describe("同比 (YoY) percentages", () => {
  it("reproduce the published Zhenyuan 2019 figures", () => {
    expect(yoyPct(1503, 1457)).toBe(3.16);
    expect(yoyPct(14, 19)).toBe(-26.32);
    expect(yoyPct(21, 30)).toBe(-30);
    expect(yoyPct(72, 106)).toBe(-32.08);
    expect(yoyPct(119, 194)).toBe(-38.66);
  });
  it("round half away from zero, exactly", () => {
    expect(yoyPct(80_001, 80_000)).toBe(0); // 0.00125% → 0.00
    expect(yoyPct(80_010, 80_000)).toBe(0.01); // 0.0125 → 0.01
    expect(yoyPct(80_004, 80_000)).toBe(0.01); // 0.005 exactly → 0.01
    expect(yoyPct(79_996, 80_000)).toBe(-0.01); // −0.005 exactly → −0.01 (not −0.00)
    expect(yoyPct(1, 8)).toBe(-87.5);
    expect(yoyPct(17, 16)).toBe(6.25);
    expect(yoyPct(200_003, 200_000)).toBe(0); // 0.0015 → 0.00
  });
  it("have nothing to compare with a zero year", () => {
    expect(yoyPct(5, 0)).toBeNull();
    expect(yoyPct(0, 0)).toBeNull();
    expect(yoyPct(0, 5)).toBe(-100);
    expect(yoyPct(5, 5)).toBe(0);
  });
});

describe("periods", () => {
  const today = "2026-11-23"; // a Monday
  it("resolve presets", () => {
    expect(resolvePeriod({ period: "today" }, today)).toEqual({ from: today, to: today });
    expect(resolvePeriod({ period: "week" }, "2026-11-26")).toEqual({ from: "2026-11-23", to: "2026-11-26" });
    expect(resolvePeriod({ period: "month" }, today)).toEqual({ from: "2026-11-01", to: today });
    expect(resolvePeriod({ period: "ytd" }, today)).toEqual({ from: "2026-01-01", to: today });
    expect(resolvePeriod({ period: "year", year: 2019 }, today)).toEqual({ from: "2019-01-01", to: "2019-12-31" });
  });
  it("compare with last year and the previous period", () => {
    expect(previousYear({ from: "2019-01-01", to: "2019-12-31" })).toEqual({ from: "2018-01-01", to: "2018-12-31" });
    expect(previousYear({ from: "2024-02-29", to: "2024-03-31" })).toEqual({ from: "2023-02-28", to: "2023-03-31" });
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-23" })).toEqual({ from: "2026-10-09", to: "2026-10-31" });
    expect(dayCount({ from: "2024-01-01", to: "2024-12-31" })).toBe(366);
  });
});
