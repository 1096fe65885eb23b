"use client";
/**
 * A person's track on the live map (the last 12 hours, from GET /api/v1/positions/track):
 * the line of their fixes in time order and the first and last times. Fixes a phone sent
 * late (recorded offline) take their place by their own times.
 */
import { useEffect, useState } from "react";
import type { FeatureCollection } from "geojson";
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import type { MapLib } from "./map-lib";

export interface TrackFix {
  at: string;
  lat: number;
  lng: number;
}

export function useTrack(userId: string | null, version: string) {
  const [track, setTrack] = useState<{ userId: string; fixes: TrackFix[] } | null>(null);
  useEffect(() => {
    if (!userId) return;
    const to = new Date(Date.now() + 60_000);
    const from = new Date(to.getTime() - 12 * 3600_000);
    const q = new URLSearchParams({ user: userId, from: from.toISOString(), to: to.toISOString() });
    let alive = true;
    fetch(`/api/v1/positions/track?${q}`)
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((b: { items: TrackFix[] }) => alive && setTrack({ userId, fixes: b.items }))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [userId, version]);
  return userId && track?.userId === userId ? track.fixes : null;
}

export function TrackLayer({ lib, fixes }: { lib: MapLib; fixes: TrackFix[] }) {
  const { Source, Layer } = lib;
  const fc: FeatureCollection = {
    type: "FeatureCollection",
    features:
      fixes.length > 1
        ? [
            {
              type: "Feature",
              properties: {},
              geometry: { type: "LineString", coordinates: fixes.map((f) => [f.lng, f.lat]) },
            },
          ]
        : [],
  };
  return (
    <Source id="person-track" type="geojson" data={fc}>
      <Layer
        id="person-track-line"
        type="line"
        paint={{ "line-color": "#7c3aed", "line-width": 3, "line-opacity": 0.8 }}
      />
    </Source>
  );
}

export function TrackSummary({ fixes }: { fixes: TrackFix[] | null }) {
  const { t, locale } = useI18n();
  if (!fixes) return null;
  return (
    <dd
      className="col-span-2 text-slate-600"
      data-testid="person-track"
      data-count={fixes.length}
      data-times={fixes.map((f) => f.at).join(",")}
    >
      {fixes.length
        ? t("duty.map.track", {
            count: fixes.length,
            from: formatDateTime(fixes[0].at, locale),
            to: formatDateTime(fixes[fixes.length - 1].at, locale),
          })
        : t("duty.map.noTrack")}
    </dd>
  );
}
