/** Feature collections for the map's GeoJSON sources (colours and ids in properties). */
import type { FeatureCollection } from "geojson";
import { RISK_HEX } from "@/lib/duty/risk";
import type { DutyMapData, MapOutline } from "@/lib/duty/map-types";

export function gridsFc(grids: DutyMapData["grids"]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: grids.map((g) => ({
      type: "Feature",
      id: g.id,
      geometry: g.geometry,
      properties: { id: g.id, name: g.name, colour: g.risk.colour, hex: RISK_HEX[g.risk.colour] },
    })),
  };
}

export function segmentsFc(segments: DutyMapData["segments"]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: segments.map((s) => ({
      type: "Feature",
      geometry: s.geometry,
      properties: { id: s.id, name: s.name, hex: RISK_HEX[s.risk.colour] },
    })),
  };
}

export function pointsFc(points: DutyMapData["points"]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: points.map((p) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [p.lng, p.lat] },
      properties: { id: p.id, name: p.name },
    })),
  };
}

export function outlinesFc(outlines: MapOutline[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: outlines.map((o) => ({
      type: "Feature",
      geometry: o.outline,
      properties: { code: o.code, kind: o.kind },
    })),
  };
}
