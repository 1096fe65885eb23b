"use client";
/**
 * The grid editor's map: MapLibre with our own style, the squad's outline and the
 * neighbouring grids for context, and terra-draw for drawing and editing the grid polygon,
 * a road segment (line) or a must-reach point. Loaded lazily (next/dynamic, ssr: false).
 */
import { useEffect, useRef } from "react";
import { Layer, Map, Marker, NavigationControl, Source, type MapRef } from "react-map-gl/maplibre";
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import type { FeatureCollection, Polygon } from "geojson";
import type { Map as MaplibreMap } from "maplibre-gl";
import "../map/lib-maplibre";
import { OWN_STYLE } from "../map/map-style";
import { STYLE_URL } from "../map/map-lib";
import type { Area } from "@/lib/geo/geometry";

export type DrawMode = "polygon" | "linestring" | "point" | "select" | "static";

export interface EditorMapProps {
  bounds: [number, number, number, number];
  outline: Area | null;
  context: FeatureCollection;
  features: FeatureCollection;
  /** The grid's polygon to start from (editing) or null (drawing a new one). */
  initial: Polygon | null;
  mode: DrawMode;
  /** Bumped by the parent to clear the drawn polygon. */
  clearToken: number;
  onPolygon: (p: Polygon | null) => void;
  /** A finished line or point (the parent asks for its name, then saves it). */
  onSketch: (g: { type: "LineString"; coordinates: number[][] } | { type: "Point"; coordinates: number[] }) => void;
  /** The map switched mode by itself (to select/edit after a polygon is finished). */
  onMode: (m: DrawMode) => void;
  labels: { lng: number; lat: number; text: string }[];
}

const flags = { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } } };

export default function EditorMap(props: EditorMapProps) {
  const mapRef = useRef<MapRef>(null);
  const draw = useRef<TerraDraw | null>(null);
  const cb = useRef(props);
  useEffect(() => {
    cb.current = props;
  });

  const start = (map: MaplibreMap) => {
    const td = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode(),
        new TerraDrawLineStringMode(),
        new TerraDrawPointMode(),
        new TerraDrawSelectMode({ flags: { polygon: flags } }),
      ],
    });
    td.start();
    if (cb.current.initial) {
      td.addFeatures([
        {
          id: crypto.randomUUID(),
          type: "Feature",
          geometry: cb.current.initial,
          properties: { mode: "polygon" },
        } as GeoJSONStoreFeatures,
      ]);
    }
    const emitPolygon = () => {
      const poly = td.getSnapshot().find((f) => f.geometry.type === "Polygon" && !f.properties.currentlyDrawing);
      cb.current.onPolygon(poly ? (poly.geometry as Polygon) : null);
    };
    td.on("change", () => emitPolygon());
    td.on("finish", (id) => {
      const f = td.getSnapshot().find((x) => x.id === id);
      if (!f) return;
      if (f.geometry.type === "Polygon") {
        // One grid, one polygon: a newly drawn one replaces the old.
        const others = td
          .getSnapshot()
          .filter((x) => x.geometry.type === "Polygon" && x.id !== id)
          .map((x) => x.id!);
        if (others.length) td.removeFeatures(others);
        emitPolygon();
        td.setMode("select");
        cb.current.onMode("select");
      } else {
        cb.current.onSketch(f.geometry as never);
        td.removeFeatures([id]);
      }
    });
    draw.current = td;
    td.setMode(cb.current.mode === "static" ? "select" : cb.current.mode);
    map.getContainer().dataset.loaded = "true";
  };

  useEffect(() => {
    const td = draw.current;
    if (!td) return;
    td.setMode(props.mode === "static" ? "select" : props.mode);
  }, [props.mode]);

  useEffect(() => {
    const td = draw.current;
    if (!td || props.clearToken === 0) return;
    td.clear();
    cb.current.onPolygon(null);
  }, [props.clearToken]);

  useEffect(
    () => () => {
      try {
        draw.current?.stop();
      } catch {
        /* map already gone */
      }
    },
    [],
  );

  const b = props.bounds;
  return (
    <Map
      ref={mapRef}
      mapStyle={STYLE_URL || OWN_STYLE}
      initialViewState={{
        bounds: [
          [b[0], b[1]],
          [b[2], b[3]],
        ],
        fitBoundsOptions: { padding: 24 },
      }}
      style={{ position: "absolute", inset: 0 }}
      attributionControl={false}
      doubleClickZoom={false}
      onLoad={(e) => start(e.target)}
    >
      <NavigationControl position="top-right" showCompass={false} />
      {props.outline && (
        <Source id="outline" type="geojson" data={{ type: "Feature", geometry: props.outline, properties: {} }}>
          <Layer id="outline-fill" type="fill" paint={{ "fill-color": "#f8fafc", "fill-opacity": 0.9 }} />
          <Layer
            id="outline-line"
            type="line"
            paint={{ "line-color": "#334155", "line-width": 2, "line-dasharray": [3, 2] }}
          />
        </Source>
      )}
      <Source id="context" type="geojson" data={props.context}>
        <Layer id="context-fill" type="fill" paint={{ "fill-color": "#94a3b8", "fill-opacity": 0.25 }} />
        <Layer id="context-line" type="line" paint={{ "line-color": "#64748b", "line-width": 1 }} />
      </Source>
      <Source id="features" type="geojson" data={props.features}>
        <Layer
          id="feature-line"
          type="line"
          filter={["==", ["geometry-type"], "LineString"]}
          paint={{ "line-color": "#1d4ed8", "line-width": 4 }}
        />
        <Layer
          id="feature-point"
          type="circle"
          filter={["==", ["geometry-type"], "Point"]}
          paint={{
            "circle-radius": 6,
            "circle-color": "#ffffff",
            "circle-stroke-color": "#1e3a8a",
            "circle-stroke-width": 3,
          }}
        />
      </Source>
      {props.labels.map((l, i) => (
        <Marker key={i} longitude={l.lng} latitude={l.lat} anchor="center" style={{ pointerEvents: "none" }}>
          <span className="rounded bg-white/75 px-1 text-[11px] text-slate-700">{l.text}</span>
        </Marker>
      ))}
    </Map>
  );
}
