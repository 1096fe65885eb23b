/**
 * GeoJSON helpers (WGS84; every point is (lng, lat), in arguments as in GeoJSON).
 * Point-in-area and the other plane operations are in ./plane.ts. Geometry is stored as JSON and tested in TypeScript;
 * bounding boxes let SQL pre-filter cheaply.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { z } from "zod";

const zPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const zRing = z.array(zPosition).min(4);

export const zPolygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(zRing).min(1) });
export const zMultiPolygon = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(zRing).min(1)).min(1),
});
export const zArea = z.union([zPolygon, zMultiPolygon]);
export const zLineString = z.object({ type: z.literal("LineString"), coordinates: z.array(zPosition).min(2) });
export const zPoint = z.object({ type: z.literal("Point"), coordinates: zPosition });

export type Area = Polygon | MultiPolygon;
export type BBox = [number, number, number, number];

export function positionsOf(g: { type: string; coordinates: unknown }): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === "number") out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
  return out;
}

export function bboxOfPositions(ps: Position[]): BBox {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ps) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export function bboxOf(g: { type: string; coordinates: unknown }): BBox {
  return bboxOfPositions(positionsOf(g));
}

export function inBBox(b: readonly number[] | null | undefined, lng: number, lat: number): boolean {
  return !!b && b.length === 4 && lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];
}

// In a module of its own (no zod): the field app's first load needs it, not the schemas.
export { distanceM } from "./distance";

/** Area geometry from a GeoJSON Feature, FeatureCollection (first feature) or bare geometry. */
export function areaFromGeoJson(input: unknown): Area {
  const v = input as { type?: string; geometry?: unknown; features?: { geometry: unknown }[] };
  if (v?.type === "FeatureCollection") return zArea.parse(v.features?.[0]?.geometry) as Area;
  if (v?.type === "Feature") return zArea.parse(v.geometry) as Area;
  return zArea.parse(v) as Area;
}
