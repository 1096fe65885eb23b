/** Pure rules of the incident desk: overdue flags, steps, places and kilometre markers. */
import { describe, expect, it } from "vitest";
import { matchPlaces, parseKmMarker, pointAlong, type NamedPlace } from "@/lib/incidents/place-geo";
import { overdueFlags, STEP_FROM } from "@/lib/incidents/rules";
import { distanceM } from "@/lib/geo/geometry";

describe("overdue flags", () => {
  const limits = { acceptWithinMin: 3, arriveWithinMin: 20 };
  const at = Date.parse("2026-12-01T08:00:00+08:00");
  const min = (n: number) => at + n * 60_000;
  it("flag a dispatch not accepted in N minutes, and not on scene in M", () => {
    const d = { status: "dispatched", dispatchAt: new Date(at) };
    expect(overdueFlags(d, limits, min(2))).toEqual({ notAccepted: false, notOnScene: false });
    expect(overdueFlags(d, limits, min(4))).toEqual({ notAccepted: true, notOnScene: false });
    expect(overdueFlags(d, limits, min(21))).toEqual({ notAccepted: true, notOnScene: true });
    expect(overdueFlags({ ...d, status: "accepted" }, limits, min(21))).toEqual({
      notAccepted: false,
      notOnScene: true,
    });
    expect(overdueFlags({ ...d, status: "on_scene" }, limits, min(60))).toEqual({
      notAccepted: false,
      notOnScene: false,
    });
    expect(overdueFlags({ status: "received", dispatchAt: null }, limits, min(60))).toEqual({
      notAccepted: false,
      notOnScene: false,
    });
  });
  it("steps start only from their statuses; closing needs handling or nobody sent", () => {
    expect(STEP_FROM.handle).toEqual(["on_scene"]);
    expect(STEP_FROM.close).toEqual(["received", "handled"]);
    expect(STEP_FROM.cancel).not.toContain("closed");
  });
});

describe("places and kilometre markers", () => {
  it("reads K12+300, 12+300, 12.3 and K3 as kilometres", () => {
    expect(parseKmMarker("K12+300")).toBe(12.3);
    expect(parseKmMarker("k 12 + 30")).toBe(12.03);
    expect(parseKmMarker("12.3")).toBe(12.3);
    expect(parseKmMarker("K3")).toBe(3);
    expect(parseKmMarker("abc")).toBeNull();
    expect(parseKmMarker("")).toBeNull();
  });
  it("puts a kilometre marker on the road, measured from its first point, clamped to its end", () => {
    const line = [
      [108.4, 27.0],
      [108.41, 27.0],
      [108.41, 27.01],
    ];
    const start = { lng: 108.4, lat: 27.0 };
    const p = pointAlong(line, 0.5);
    expect(Math.round(distanceM(start, p))).toBeGreaterThan(490);
    expect(Math.round(distanceM(start, p))).toBeLessThan(510);
    expect(p.lat).toBeCloseTo(27.0, 6);
    const end = pointAlong(line, 99);
    expect(end).toEqual({ lng: 108.41, lat: 27.01 });
  });
  it("match every typed word, points and roads before grids", () => {
    const places: NamedPlace[] = [
      { kind: "grid", id: "g", name: "舞阳大道网格", context: "城区中队", lat: 0, lng: 0 },
      { kind: "segment", id: "s", name: "舞阳大道", context: "舞阳大道网格", lat: 0, lng: 0, line: [] },
      { kind: "point", id: "p", name: "中华路口", context: "舞阳大道网格", lat: 0, lng: 0 },
    ];
    expect(matchPlaces(places, "舞阳").map((p) => p.id)).toEqual(["p", "s", "g"]);
    expect(matchPlaces(places, "中华 舞阳").map((p) => p.id)).toEqual(["p"]);
    expect(matchPlaces(places, "  ")).toEqual([]);
  });
});
