/**
 * Where demo events happen: inside a squad's grids when the duty data has them, else
 * inside the squad's or brigade's outline; along a road segment for road events.
 */
import type { Area } from "@/lib/geo/geometry";
import { bboxOf } from "@/lib/geo/geometry";
import { pointInArea } from "@/lib/geo/plane";
import type { Rng } from "./rng";

export interface Place {
  lat: number;
  lng: number;
  address: string;
  roadName: string | null;
}

export class AreaSampler {
  private readonly areas: { area: Area; bbox: number[]; weight: number; label: string }[];

  constructor(areas: { area: Area; weight?: number; label: string }[]) {
    this.areas = areas.map((a) => ({ area: a.area, bbox: bboxOf(a.area), weight: a.weight ?? 1, label: a.label }));
    if (this.areas.length === 0) throw new Error("AreaSampler needs at least one area");
  }

  sample(r: Rng): { lat: number; lng: number; label: string } {
    const a = r.weighted(this.areas.map((x) => [x, x.weight] as const));
    for (let i = 0; i < 200; i++) {
      const lng = a.bbox[0] + r.next() * (a.bbox[2] - a.bbox[0]);
      const lat = a.bbox[1] + r.next() * (a.bbox[3] - a.bbox[1]);
      if (pointInArea(a.area, lng, lat)) return { lat: round6(lat), lng: round6(lng), label: a.label };
    }
    const c = [(a.bbox[0] + a.bbox[2]) / 2, (a.bbox[1] + a.bbox[3]) / 2];
    return { lat: round6(c[1]), lng: round6(c[0]), label: a.label };
  }
}

/** A point along a polyline ([lng, lat] pairs), uniformly by length. */
export function alongLine(r: Rng, line: number[][]): { lat: number; lng: number } {
  const seg = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1]));
  const total = seg.reduce((s, x) => s + x, 0);
  let d = r.next() * total;
  for (let i = 0; i < seg.length; i++) {
    if (d <= seg[i]) {
      const t = seg[i] === 0 ? 0 : d / seg[i];
      const jitter = () => (r.next() - 0.5) * 0.0004;
      return {
        lng: round6(line[i][0] + t * (line[i + 1][0] - line[i][0]) + jitter()),
        lat: round6(line[i][1] + t * (line[i + 1][1] - line[i][1]) + jitter()),
      };
    }
    d -= seg[i];
  }
  const last = line[line.length - 1];
  return { lng: round6(last[0]), lat: round6(last[1]) };
}

function round6(x: number) {
  return Math.round(x * 1e6) / 1e6;
}
