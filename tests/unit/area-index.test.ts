/** The bulk point-in-area index answers exactly like turf's point-in-polygon on the county outlines. */
import fs from "node:fs";
import path from "node:path";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaFromGeoJson, bboxOf } from "@/lib/geo/geometry";
import { buildAreaIndex } from "@/lib/geo/area-index";

const GEO = path.join(import.meta.dirname, "../../prisma/seed/geo");

describe("buildAreaIndex", () => {
  for (const county of ["zhenyuan", "yinjiang", "yunyang"]) {
    it(`agrees with turf's point-in-polygon on random points around ${county}`, () => {
      const area = areaFromGeoJson(JSON.parse(fs.readFileSync(path.join(GEO, `${county}.geojson`), "utf8")));
      const [minX, minY, maxX, maxY] = bboxOf(area);
      const index = buildAreaIndex(area);
      const padX = (maxX - minX) * 0.1,
        padY = (maxY - minY) * 0.1;
      let inside = 0;
      fc.assert(
        fc.property(
          fc.double({ min: minX - padX, max: maxX + padX, noNaN: true }),
          fc.double({ min: minY - padY, max: maxY + padY, noNaN: true }),
          (lng, lat) => {
            const want = booleanPointInPolygon([lng, lat], area);
            if (want) inside++;
            expect(index.contains(lng, lat)).toBe(want);
          },
        ),
        { numRuns: 5000 },
      );
      expect(inside).toBeGreaterThan(500); // the sample covers the inside too
      expect(index.contains(0, 0)).toBe(false);
    });
  }
});
