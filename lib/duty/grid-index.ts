/**
 * An in-memory index answering "which grid contains this point" in well under a
 * microsecond: a uniform bucket grid over the brigade's grids' bboxes, then a bbox test,
 * then point-in-polygon on the few candidates. Pure, so it is tested without a database
 * and reused by bulk imports (lib/duty/grid-lookup.ts loads it per brigade).
 */
import type { Area } from "@/lib/geo/geometry";
import { areaSize, pointInArea } from "@/lib/geo/plane";

export interface IndexedGrid {
  id: string;
  geometry: Area;
  bbox: readonly number[];
}

export interface GridIndex {
  /** The grid containing the point (lng, lat), or null. Overlaps resolve to the smallest grid. */
  at(lng: number, lat: number): string | null;
  readonly size: number;
}

const MAX_CELLS = 1 << 16;

export function buildGridIndex(grids: IndexedGrid[]): GridIndex {
  // Smallest first, so where grids overlap the most specific one wins (ties by id).
  const items = grids
    .filter((g) => g.bbox.length === 4)
    .map((g) => ({ ...g, size: areaSize(g.geometry) }))
    .sort((a, b) => a.size - b.size || (a.id < b.id ? -1 : 1));
  if (items.length === 0) return { at: () => null, size: 0 };

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of items) {
    minX = Math.min(minX, g.bbox[0]);
    minY = Math.min(minY, g.bbox[1]);
    maxX = Math.max(maxX, g.bbox[2]);
    maxY = Math.max(maxY, g.bbox[3]);
  }
  // About 4 cells per grid along each axis, capped; cell lists keep the size order.
  const side = Math.max(1, Math.min(Math.floor(Math.sqrt(MAX_CELLS)), Math.ceil(Math.sqrt(items.length) * 4)));
  const w = (maxX - minX) / side || 1e-9;
  const h = (maxY - minY) / side || 1e-9;
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  const clampX = (x: number) => Math.min(side - 1, Math.max(0, Math.floor((x - minX) / w)));
  const clampY = (y: number) => Math.min(side - 1, Math.max(0, Math.floor((y - minY) / h)));
  items.forEach((g, i) => {
    for (let cy = clampY(g.bbox[1]); cy <= clampY(g.bbox[3]); cy++) {
      for (let cx = clampX(g.bbox[0]); cx <= clampX(g.bbox[2]); cx++) cells[cy * side + cx].push(i);
    }
  });

  return {
    size: items.length,
    at(lng: number, lat: number) {
      if (!(lng >= minX && lng <= maxX && lat >= minY && lat <= maxY)) return null;
      const cell = cells[clampY(lat) * side + clampX(lng)];
      for (const i of cell) {
        const g = items[i];
        const b = g.bbox;
        if (lng < b[0] || lng > b[2] || lat < b[1] || lat > b[3]) continue;
        if (pointInArea(g.geometry, lng, lat)) return g.id;
      }
      return null;
    },
  };
}
