/**
 * Point-in-area for bulk work. A county outline has thousands of vertices, so testing a
 * million import rows one by one against it would take longer than writing them. The
 * bounding box is cut into a grid; a cell no edge crosses is wholly inside or wholly
 * outside (decided once, from its centre), so most points are answered by one lookup;
 * points in cells the boundary crosses get the exact even-odd test. Same answers as
 * pointInArea (tests/unit/area-index.test.ts compares them on random points).
 */
import type { Area } from "@/lib/geo/geometry";

const OUT = 0,
  IN = 1,
  EDGE = 2;

export interface AreaIndex {
  contains(lng: number, lat: number): boolean;
}

export function buildAreaIndex(area: Area, cells = 128): AreaIndex {
  const rings: Float64Array[] = [];
  const polys = area.type === "Polygon" ? [area.coordinates] : area.coordinates;
  for (const poly of polys) for (const ring of poly) rings.push(Float64Array.from(ring.flatMap((p) => [p[0], p[1]])));

  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      if (r[i] < minX) minX = r[i];
      if (r[i] > maxX) maxX = r[i];
      if (r[i + 1] < minY) minY = r[i + 1];
      if (r[i + 1] > maxY) maxY = r[i + 1];
    }
  }
  const w = (maxX - minX) / cells || 1e-9;
  const h = (maxY - minY) / cells || 1e-9;

  // Even-odd rule over every ring (holes and multipolygon parts included).
  const exact = (x: number, y: number): boolean => {
    let inside = false;
    for (const r of rings) {
      const n = r.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        const yi = r[i + 1],
          yj = r[j + 1];
        if (yi > y !== yj > y) {
          const xi = r[i],
            xj = r[j];
          if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
    return inside;
  };

  // Mark every cell an edge passes through (conservatively: the edge's bounding cells).
  const grid = new Uint8Array(cells * cells);
  const clamp = (v: number) => Math.min(cells - 1, Math.max(0, v));
  for (const r of rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const x0 = clamp(Math.floor((Math.min(r[i], r[j]) - minX) / w)),
        x1 = clamp(Math.floor((Math.max(r[i], r[j]) - minX) / w));
      const y0 = clamp(Math.floor((Math.min(r[i + 1], r[j + 1]) - minY) / h)),
        y1 = clamp(Math.floor((Math.max(r[i + 1], r[j + 1]) - minY) / h));
      for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) grid[cy * cells + cx] = EDGE;
    }
  }
  for (let cy = 0; cy < cells; cy++) {
    for (let cx = 0; cx < cells; cx++) {
      const k = cy * cells + cx;
      if (grid[k] !== EDGE) grid[k] = exact(minX + (cx + 0.5) * w, minY + (cy + 0.5) * h) ? IN : OUT;
    }
  }

  return {
    contains(lng, lat) {
      if (lng < minX || lng > maxX || lat < minY || lat > maxY) return false;
      const k = clamp(Math.floor((lat - minY) / h)) * cells + clamp(Math.floor((lng - minX) / w));
      const c = grid[k];
      return c === EDGE ? exact(lng, lat) : c === IN;
    },
  };
}
