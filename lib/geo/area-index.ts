/**
 * Point-in-area for bulk work. A county outline has thousands of vertices, so testing a
 * million import rows one by one against it would take longer than writing them. The
 * bounding box is cut into a grid; a cell no edge crosses is wholly inside or wholly
 * outside (decided once, from its centre), so most points are answered by one lookup;
 * points in cells the boundary crosses get the exact test, pointInArea itself
 * (tests/unit/area-index.test.ts compares the two on random points).
 */
import { bboxOf, type Area } from "./geometry";
import { pointInArea } from "./plane";

const OUT = 0,
  IN = 1,
  EDGE = 2;

export interface AreaIndex {
  contains(lng: number, lat: number): boolean;
}

export function buildAreaIndex(area: Area, cells = 128): AreaIndex {
  const rings = (area.type === "Polygon" ? [area.coordinates] : area.coordinates).flat();
  const [minX, minY, maxX, maxY] = bboxOf(area);
  const w = (maxX - minX) / cells || 1e-9;
  const h = (maxY - minY) / cells || 1e-9;

  // Mark every cell an edge passes through (conservatively: the edge's bounding cells).
  const grid = new Uint8Array(cells * cells);
  const clamp = (v: number) => Math.min(cells - 1, Math.max(0, v));
  for (const r of rings) {
    for (let i = 1; i < r.length; i++) {
      const [a, b] = [r[i - 1], r[i]];
      const x0 = clamp(Math.floor((Math.min(a[0], b[0]) - minX) / w)),
        x1 = clamp(Math.floor((Math.max(a[0], b[0]) - minX) / w));
      const y0 = clamp(Math.floor((Math.min(a[1], b[1]) - minY) / h)),
        y1 = clamp(Math.floor((Math.max(a[1], b[1]) - minY) / h));
      for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) grid[cy * cells + cx] = EDGE;
    }
  }
  for (let cy = 0; cy < cells; cy++) {
    for (let cx = 0; cx < cells; cx++) {
      const k = cy * cells + cx;
      if (grid[k] !== EDGE) grid[k] = pointInArea(area, minX + (cx + 0.5) * w, minY + (cy + 0.5) * h) ? IN : OUT;
    }
  }

  return {
    contains(lng, lat) {
      if (lng < minX || lng > maxX || lat < minY || lat > maxY) return false;
      const k = clamp(Math.floor((lat - minY) / h)) * cells + clamp(Math.floor((lng - minX) / w));
      const c = grid[k];
      return c === EDGE ? pointInArea(area, lng, lat) : c === IN;
    },
  };
}
