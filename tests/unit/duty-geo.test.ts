import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pointInArea, areaWithin, distanceToLineM, gridGeometryProblems, lineLengthM } from "@/lib/geo/plane";
import type { Area } from "@/lib/geo/geometry";
import { buildGridIndex } from "@/lib/duty/grid-index";
import { bboxOf } from "@/lib/geo/geometry";

const square = (x: number, y: number, s: number): Area => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});
const county: Area = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [5, 4],
      [0, 10],
      [0, 0],
    ],
  ],
}; // concave notch at the top

describe("polygon validation", () => {
  it("accepts a simple polygon inside the outline and rejects a bow-tie", () => {
    expect(gridGeometryProblems(square(1, 1, 2), county)).toEqual([]);
    const bowTie: Area = {
      type: "Polygon",
      coordinates: [
        [
          [1, 1],
          [3, 3],
          [3, 1],
          [1, 3],
          [1, 1],
        ],
      ],
    };
    expect(gridGeometryProblems(bowTie, county)).toContain("selfIntersection");
  });

  it("rejects polygons outside the outline, partly outside, or across a concave notch", () => {
    expect(gridGeometryProblems(square(20, 20, 1), county)).toContain("outsideOutline");
    expect(gridGeometryProblems(square(9, 1, 2), county)).toContain("outsideOutline");
    // All four corners inside, but the top edge cuts through the notch above (5, 4).
    const acrossNotch: Area = {
      type: "Polygon",
      coordinates: [
        [
          [2, 5],
          [8, 5],
          [8, 6],
          [2, 6],
          [2, 5],
        ],
      ],
    };
    expect(areaWithin(acrossNotch, county)).toBe(false);
  });

  it("accepts a grid cut exactly along the outline (shared boundary)", () => {
    expect(gridGeometryProblems(square(0, 0, 2), county)).toEqual([]);
    // A hair outside from clipping arithmetic still counts as on the boundary.
    const nearly: Area = {
      type: "Polygon",
      coordinates: [
        [
          [-1e-9, 0],
          [2, 0],
          [2, 2],
          [-1e-9, 2],
          [-1e-9, 0],
        ],
      ],
    };
    expect(areaWithin(nearly, county)).toBe(true);
  });

  it("rejects open rings and degenerate polygons", () => {
    const open = {
      type: "Polygon",
      coordinates: [
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
        ],
      ],
    } as Area;
    expect(gridGeometryProblems(open, null)).toEqual(["ringNotClosed"]);
    const flat: Area = {
      type: "Polygon",
      coordinates: [
        [
          [1, 1],
          [2, 1],
          [3, 1],
          [1, 1],
        ],
      ],
    };
    expect(gridGeometryProblems(flat, null)).toContain("tooSmall");
  });
});

describe("point in polygon", () => {
  const withHole: Area = {
    type: "Polygon",
    coordinates: [
      square(0, 0, 4).coordinates[0] as number[][],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ],
  } as Area;
  it("agrees with turf, holes included", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 5, noNaN: true }), fc.double({ min: -1, max: 5, noNaN: true }), (x, y) => {
        if (!onEdge(x, y)) expect(pointInArea(withHole, x, y)).toBe(booleanPointInPolygon([x, y], withHole));
      }),
      { numRuns: 2000 },
    );
    expect(pointInArea(withHole, 0.5, 0.5)).toBe(true);
    expect(pointInArea(withHole, 2, 2)).toBe(false);
  });
});
const onEdge = (x: number, y: number) => [0, 1, 3, 4].includes(x) || [0, 1, 3, 4].includes(y);

describe("distances", () => {
  it("measures distance to a line and its length in metres", () => {
    const line = [
      [108.4, 27.05],
      [108.5, 27.05],
    ];
    expect(lineLengthM(line)).toBeGreaterThan(9_850);
    expect(lineLengthM(line)).toBeLessThan(9_950);
    // 0.001° of latitude ≈ 111 m
    expect(distanceToLineM({ lng: 108.45, lat: 27.051 }, line)).toBeCloseTo(111.2, 0);
    expect(distanceToLineM({ lng: 108.3, lat: 27.05 }, line)).toBeGreaterThan(9_000);
  });
});

describe("grid index", () => {
  const grids = [square(0, 0, 1), square(1, 0, 1), square(0, 1, 2), square(0.2, 0.2, 0.3)].map((g, i) => ({
    id: `g${i}`,
    geometry: g,
    bbox: bboxOf(g),
  }));
  const index = buildGridIndex(grids);
  it("finds the containing grid, the smallest where grids overlap, null outside", () => {
    expect(index.at(0.9, 0.5)).toBe("g0"); // lng, lat
    expect(index.at(1.5, 0.5)).toBe("g1");
    expect(index.at(0.5, 2.5)).toBe("g2");
    expect(index.at(0.3, 0.3)).toBe("g3"); // inside g0 and g3: g3 is smaller
    expect(index.at(5, 5)).toBeNull();
    expect(buildGridIndex([]).at(0, 0)).toBeNull();
  });
  it("agrees with a brute-force scan on random points", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 3.5, noNaN: true }),
        fc.double({ min: -0.5, max: 3.5, noNaN: true }),
        (lat, lng) => {
          const hits = grids.filter((g) => pointInArea(g.geometry, lng, lat));
          const expected = hits.length ? hits.sort((a, b) => (a.id === "g3" ? -1 : b.id === "g3" ? 1 : 0))[0].id : null;
          expect(index.at(lng, lat)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("overlap warning", () => {
  it("tells overlapping grids from neighbours that only share an edge", async () => {
    const { areasOverlap } = await import("@/lib/geo/plane");
    expect(areasOverlap(square(0, 0, 1), square(1, 0, 1))).toBe(false); // shared edge
    expect(areasOverlap(square(0, 0, 1), square(0.5, 0.5, 1))).toBe(true); // corner inside
    expect(areasOverlap(square(0, 0, 3), square(1, 1, 1))).toBe(true); // one inside the other
    const cross1: Area = {
      type: "Polygon",
      coordinates: [
        [
          [1, -1],
          [2, -1],
          [2, 4],
          [1, 4],
          [1, -1],
        ],
      ],
    };
    const cross2: Area = {
      type: "Polygon",
      coordinates: [
        [
          [-1, 1],
          [4, 1],
          [4, 2],
          [-1, 2],
          [-1, 1],
        ],
      ],
    };
    expect(areasOverlap(cross1, cross2)).toBe(true); // a plus sign: no vertex inside the other
    expect(areasOverlap(square(0, 0, 1), square(5, 5, 1))).toBe(false);
  });
});
