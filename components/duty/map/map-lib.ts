/**
 * The map components the duty pages use, from react-map-gl's MapLibre entry by default or
 * its Mapbox entry when NEXT_PUBLIC_MAPBOX_TOKEN is set. Both expose the same props, so
 * the pages are written once against this shape (typed by the MapLibre entry).
 */
import type * as M from "react-map-gl/maplibre";

export interface MapLib {
  kind: "maplibre" | "mapbox";
  Map: typeof M.Map;
  Source: typeof M.Source;
  Layer: typeof M.Layer;
  Marker: typeof M.Marker;
  Popup: typeof M.Popup;
  NavigationControl: typeof M.NavigationControl;
  ScaleControl: typeof M.ScaleControl;
}

export const MAPBOX_TOKEN = process.env.NEXT_PUBLIC_MAPBOX_TOKEN || "";
export const STYLE_URL = process.env.NEXT_PUBLIC_MAP_STYLE_URL || "";

/** Loads the right library (a separate chunk, fetched only by pages that show a map). */
export async function loadMapLib(): Promise<MapLib> {
  return MAPBOX_TOKEN ? (await import("./lib-mapbox")).default : (await import("./lib-maplibre")).default;
}
