/**
 * The base style. Default: built from our data only — a plain background; outlines,
 * grids, segments and points are GeoJSON layers added on top; labels and people are HTML
 * markers. No tiles, no glyphs, no sprites: nothing is fetched from anywhere, so the map
 * works on an air-gapped intranet. NEXT_PUBLIC_MAP_STYLE_URL points at an intranet style
 * (tile server); with NEXT_PUBLIC_MAPBOX_TOKEN a Mapbox basemap is used.
 */
import type { StyleSpecification } from "maplibre-gl";
import { MAPBOX_TOKEN, STYLE_URL } from "./map-lib";

export const OWN_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#e8edf2" } }],
};

export function baseStyle(): string | StyleSpecification {
  if (STYLE_URL) return STYLE_URL;
  if (MAPBOX_TOKEN) return "mapbox://styles/mapbox/light-v11";
  return OWN_STYLE;
}

export const mapTokenProps = () => (MAPBOX_TOKEN ? { mapboxAccessToken: MAPBOX_TOKEN } : {});
