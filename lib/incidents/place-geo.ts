/**
 * Where a call is, for the intake form (pure, used in the browser): a named place (a grid,
 * a road segment, a must-reach point) and, on a road, a kilometre marker measured from the
 * segment's first point (K12+300 = 12.3 km along it).
 */
import { lineLengthM } from "@/lib/geo/plane";
import type { Position } from "geojson";

export interface NamedPlace {
  kind: "grid" | "segment" | "point";
  id: string;
  name: string;
  /** The grid or squad it lies in, shown beside the name. */
  context: string;
  lat: number;
  lng: number;
  /** Segments only: the road's line, for kilometre markers. */
  line?: Position[];
}

/** "K12+300", "12+300", "12.3", "k12" → kilometres; null when it is not a marker. */
export function parseKmMarker(raw: string | null | undefined): number | null {
  const s = (raw ?? "").trim().toUpperCase().replace(/\s+/g, "");
  if (!s) return null;
  let m = /^K?(\d{1,4})\+(\d{1,3})$/.exec(s);
  if (m) return Number(m[1]) + Number(m[2].padStart(3, "0")) / 1000;
  m = /^K?(\d{1,4}(?:\.\d{1,3})?)$/.exec(s);
  return m ? Number(m[1]) : null;
}

/** The point `km` along a line from its first vertex (clamped to its ends). */
export function pointAlong(line: Position[], km: number): { lat: number; lng: number } {
  let left = Math.max(0, km * 1000);
  for (let i = 1; i < line.length; i++) {
    const seg = lineLengthM([line[i - 1], line[i]]);
    if (left <= seg && seg > 0) {
      const t = left / seg;
      return {
        lng: line[i - 1][0] + t * (line[i][0] - line[i - 1][0]),
        lat: line[i - 1][1] + t * (line[i][1] - line[i - 1][1]),
      };
    }
    left -= seg;
  }
  const last = line[line.length - 1];
  return { lng: last[0], lat: last[1] };
}

/** Places whose name (or context) contains every typed word, points and roads first. */
export function matchPlaces(places: NamedPlace[], query: string, limit = 8): NamedPlace[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const rank = { point: 0, segment: 1, grid: 2 } as const;
  return places
    .filter((p) => words.every((w) => `${p.name} ${p.context}`.toLowerCase().includes(w)))
    .sort((a, b) => rank[a.kind] - rank[b.kind] || a.name.length - b.name.length)
    .slice(0, limit);
}
