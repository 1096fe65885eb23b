"use client";
/**
 * Our own data as map layers: unit outlines, grids filled by risk colour, road segments
 * by risk colour, must-reach points as circles. Circle/fill/line layers only (no symbol
 * layers: their text needs glyph files from a URL); labels are HTML markers.
 */
import type { FeatureCollection } from "geojson";
import type { MapLib } from "./map-lib";

export const INTERACTIVE_LAYERS = ["grid-fill", "segment-line", "point-circle"];

export function DutyLayers({
  lib,
  outlines,
  grids,
  segments,
  points,
  selectedGridId,
  show,
}: {
  lib: MapLib;
  outlines: FeatureCollection;
  grids: FeatureCollection;
  segments: FeatureCollection;
  points: FeatureCollection;
  selectedGridId: string | null;
  show: { segments: boolean; points: boolean };
}) {
  const { Source, Layer } = lib;
  return (
    <>
      <Source id="outlines" type="geojson" data={outlines}>
        <Layer
          id="outline-fill"
          type="fill"
          filter={["==", ["get", "kind"], "BRIGADE"]}
          paint={{ "fill-color": "#f8fafc", "fill-opacity": 0.9 }}
        />
        <Layer
          id="outline-brigade"
          type="line"
          filter={["==", ["get", "kind"], "BRIGADE"]}
          paint={{ "line-color": "#334155", "line-width": 2 }}
        />
        <Layer
          id="outline-squad"
          type="line"
          filter={["==", ["get", "kind"], "SQUAD"]}
          paint={{ "line-color": "#64748b", "line-width": 1, "line-dasharray": [3, 2] }}
        />
      </Source>
      <Source id="grids" type="geojson" data={grids}>
        <Layer
          id="grid-fill"
          type="fill"
          paint={{
            "fill-color": ["get", "hex"],
            "fill-opacity": ["case", ["==", ["get", "id"], selectedGridId ?? ""], 0.6, 0.38],
          }}
        />
        <Layer
          id="grid-line"
          type="line"
          paint={{
            "line-color": ["get", "hex"],
            "line-width": ["case", ["==", ["get", "id"], selectedGridId ?? ""], 3, 1.2],
          }}
        />
      </Source>
      <Source id="segments" type="geojson" data={segments}>
        <Layer
          id="segment-casing"
          type="line"
          layout={{ "line-cap": "round", "line-join": "round", visibility: show.segments ? "visible" : "none" }}
          paint={{ "line-color": "#ffffff", "line-width": 7 }}
        />
        <Layer
          id="segment-line"
          type="line"
          layout={{ "line-cap": "round", "line-join": "round", visibility: show.segments ? "visible" : "none" }}
          paint={{ "line-color": ["get", "hex"], "line-width": 4 }}
        />
      </Source>
      <Source id="points" type="geojson" data={points}>
        <Layer
          id="point-circle"
          type="circle"
          layout={{ visibility: show.points ? "visible" : "none" }}
          paint={{
            "circle-radius": 5,
            "circle-color": "#ffffff",
            "circle-stroke-color": "#1e3a8a",
            "circle-stroke-width": 2.5,
          }}
        />
      </Source>
    </>
  );
}
