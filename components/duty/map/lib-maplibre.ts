import "maplibre-gl/dist/maplibre-gl.css";
import { setWorkerUrl } from "maplibre-gl";
import { Layer, Map, Marker, NavigationControl, Popup, ScaleControl, Source } from "react-map-gl/maplibre";
import type { MapLib } from "./map-lib";

// The bundler moves maplibre-gl's files, so its worker is served by app/map-worker.js.
setWorkerUrl("/map-worker.js");

const lib: MapLib = { kind: "maplibre", Map, Source, Layer, Marker, Popup, NavigationControl, ScaleControl };
export default lib;
