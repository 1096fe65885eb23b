/**
 * Plane geometry for areas, lines and points (WGS84, every point (lng, lat)). Pure and
 * fast: the grid and area indexes run these a million times per bulk import, and the
 * browser's grid editor uses the same validation as the server.
 */
import kinks from "@turf/kinks";
import type { Polygon, Position } from "geojson";
import { bboxOfPositions, type Area } from "./geometry";

export type LngLat = [number, number];

const polygonsOf = (a: Area): Position[][][] => (a.type === "Polygon" ? [a.coordinates] : a.coordinates);

/** Ray casting; points exactly on an edge may go either way (grids share edges). */
function ringContains(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0],
      yi = ring[i][1],
      xj = ring[j][0],
      yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * THE point-in-polygon test: inside the outer ring of some polygon and outside its holes.
 * A point exactly on an edge may go either way; `pointWithin` counts the edge as inside.
 */
export function pointInArea(a: Area, lng: number, lat: number): boolean {
  for (const poly of polygonsOf(a)) {
    if (!ringContains(poly[0], lng, lat)) continue;
    let inHole = false;
    for (let h = 1; h < poly.length && !inHole; h++) inHole = ringContains(poly[h], lng, lat);
    if (!inHole) return true;
  }
  return false;
}

/** Planar area in square degrees (only for ordering overlapping grids, smallest first). */
export function areaSize(a: Area): number {
  let total = 0;
  for (const poly of polygonsOf(a)) {
    poly.forEach((ring, i) => {
      let s = 0;
      for (let k = 0, j = ring.length - 1; k < ring.length; j = k++)
        s += (ring[j][0] + ring[k][0]) * (ring[j][1] - ring[k][1]);
      total += (i === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  }
  return total;
}

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** Metres east/north of an origin (equirectangular; exact enough within a county). */
function project(origin: { lat: number; lng: number }, lng: number, lat: number): [number, number] {
  return [(lng - origin.lng) * RAD * R * Math.cos(origin.lat * RAD), (lat - origin.lat) * RAD * R];
}

/** Distance in metres from a point to a polyline. */
export function distanceToLineM(p: { lat: number; lng: number }, line: Position[]): number {
  let best = Infinity;
  let [ax, ay] = project(p, line[0][0], line[0][1]);
  if (line.length === 1) return Math.hypot(ax, ay);
  for (let i = 1; i < line.length; i++) {
    const [bx, by] = project(p, line[i][0], line[i][1]);
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const d = Math.hypot(ax + t * dx, ay + t * dy);
    if (d < best) best = d;
    ax = bx;
    ay = by;
  }
  return best;
}

export function lineLengthM(line: Position[]): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) {
    const a = { lng: line[i - 1][0], lat: line[i - 1][1] };
    m += Math.hypot(...project(a, line[i][0], line[i][1]));
  }
  return m;
}

/** A bbox grown by `m` metres on every side. */
export function growBBox(b: readonly number[], m: number): [number, number, number, number] {
  const dLat = m / (R * RAD);
  const dLng = dLat / Math.max(0.01, Math.cos(((b[1] + b[3]) / 2) * RAD));
  return [b[0] - dLng, b[1] - dLat, b[2] + dLng, b[3] + dLat];
}

export function centroidOf(a: Area): LngLat {
  // Centre of the largest polygon's outer ring, by vertex average; good enough for a label.
  const polys = polygonsOf(a);
  let ring = polys[0][0];
  for (const p of polys) if (p[0].length > ring.length) ring = p[0];
  const pts = ring.slice(0, -1);
  const x = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const y = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  return [x, y];
}

// --- validation -----------------------------------------------------------------------

export type GeometryProblem = "selfIntersection" | "outsideOutline" | "ringNotClosed" | "tooSmall";

/**
 * Problems with a grid polygon: rings must be closed, have an area, not cross themselves
 * (@turf/kinks) and lie inside the outline (the squad's, or the brigade's when the squad
 * has none). Points on the outline's boundary count as inside: grids are often cut
 * along the county border, and clipping arithmetic leaves them a hair off it.
 */
export function gridGeometryProblems(area: Area, outline: Area | null): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  for (const poly of polygonsOf(area)) {
    for (const ring of poly) {
      const [f, l] = [ring[0], ring[ring.length - 1]];
      if (f[0] !== l[0] || f[1] !== l[1]) problems.push("ringNotClosed");
    }
  }
  if (problems.length) return problems;
  if (kinks(area as Polygon).features.length > 0) problems.push("selfIntersection");
  else if (areaSize(area) < 1e-9) problems.push("tooSmall");
  if (outline && !areaWithin(area, outline)) problems.push("outsideOutline");
  return problems;
}

const EPS = 1e-7; // ≈ 1 cm in degrees

function onBoundary(outer: Area, x: number, y: number): boolean {
  for (const poly of polygonsOf(outer)) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) if (segDist(x, y, ring[i - 1], ring[i]) < EPS) return true;
    }
  }
  return false;
}

function segDist(x: number, y: number, a: Position, b: Position): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
  return Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y);
}

/**
 * Proper crossing of two segments. Touching, collinear overlap, or an endpoint within
 * EPS of the other segment (a vertex on the boundary, give or take rounding) does not count.
 */
function crosses(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const o = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const d1 = o(q1, q2, p1),
    d2 = o(q1, q2, p2),
    d3 = o(p1, p2, q1),
    d4 = o(p1, p2, q2);
  if (!(((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))) return false;
  return (
    segDist(p1[0], p1[1], q1, q2) > EPS &&
    segDist(p2[0], p2[1], q1, q2) > EPS &&
    segDist(q1[0], q1[1], p1, p2) > EPS &&
    segDist(q2[0], q2[1], p1, p2) > EPS
  );
}

/** Every vertex inside (or on the boundary of) `outer`, and no edge crossing out of it. */
export function areaWithin(inner: Area, outer: Area): boolean {
  const innerRings = polygonsOf(inner).map((p) => p[0]);
  const outerRings = polygonsOf(outer).flat();
  const ob = bboxOfPositions(outerRings.flat());
  for (const ring of innerRings) {
    for (const [x, y] of ring) {
      if (x < ob[0] - EPS || x > ob[2] + EPS || y < ob[1] - EPS || y > ob[3] + EPS) return false;
      if (!pointInArea(outer, x, y) && !onBoundary(outer, x, y)) return false;
    }
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1],
        b = ring[i];
      for (const oring of outerRings) {
        for (let k = 1; k < oring.length; k++) if (crosses(a, b, oring[k - 1], oring[k])) return false;
      }
      // An edge between two boundary vertices can still cut across a concave notch.
      const mx = (a[0] + b[0]) / 2,
        my = (a[1] + b[1]) / 2;
      if (!pointInArea(outer, mx, my) && !onBoundary(outer, mx, my)) return false;
    }
  }
  return true;
}

export function pointWithin(outer: Area, lng: number, lat: number): boolean {
  return pointInArea(outer, lng, lat) || onBoundary(outer, lng, lat);
}

export function lineWithin(line: Position[], outer: Area): boolean {
  return line.every(([x, y]) => pointWithin(outer, x, y));
}

/** Do two bboxes overlap? */
export function bboxOverlap(a: readonly number[], b: readonly number[]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Do two areas overlap (more than touching along an edge)? Used to warn, not to refuse. */
export function areasOverlap(a: Area, b: Area): boolean {
  const [ba, bb] = [bboxOfPositions(polygonsOf(a).flat(2)), bboxOfPositions(polygonsOf(b).flat(2))];
  if (!bboxOverlap(ba, bb)) return false;
  const ra = polygonsOf(a).map((p) => p[0]);
  const rb = polygonsOf(b).map((p) => p[0]);
  const strictlyInside = (area: Area, x: number, y: number) => pointInArea(area, x, y) && !onBoundary(area, x, y);
  if (ra.some((r) => r.some(([x, y]) => strictlyInside(b, x, y)))) return true;
  if (rb.some((r) => r.some(([x, y]) => strictlyInside(a, x, y)))) return true;
  for (const r1 of ra)
    for (const r2 of rb) {
      for (let i = 1; i < r1.length; i++)
        for (let k = 1; k < r2.length; k++) if (crosses(r1[i - 1], r1[i], r2[k - 1], r2[k])) return true;
    }
  return false;
}
