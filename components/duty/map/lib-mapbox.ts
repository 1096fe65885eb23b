import "mapbox-gl/dist/mapbox-gl.css";
import * as M from "react-map-gl/mapbox";
import type { MapLib } from "./map-lib";

// Same props as the MapLibre entry for everything the duty pages use.
const lib = {
  kind: "mapbox",
  Map: M.Map,
  Source: M.Source,
  Layer: M.Layer,
  Marker: M.Marker,
  Popup: M.Popup,
  NavigationControl: M.NavigationControl,
  ScaleControl: M.ScaleControl,
} as unknown as MapLib;
export default lib;
