"use client";
/**
 * 一张图: the live duty map. Grids by risk colour, segments, must-reach points, every
 * person's last position and status (live over SSE), and SOS alerts with a banner, a
 * beep, the map centred on the alarm and the nearest on-duty people listed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MapRef } from "react-map-gl/maplibre";
import { IncidentPin, useOpenIncidents } from "@/components/incidents/map-incidents";
import { useI18n } from "@/lib/i18n/client";
import { centroidOf } from "@/lib/geo/plane";
import { nearestOnDuty } from "@/lib/duty/nearest";
import type { DutyMapData, PersonOnMap, SosEvent } from "@/lib/duty/map-types";
import type { Risk } from "@/lib/duty/risk";
import { gridsFc, outlinesFc, pointsFc, segmentsFc } from "./geojson";
import { DutyLayers, INTERACTIVE_LAYERS } from "./map-layers";
import type { MapLib } from "./map-lib";
import { baseStyle, mapTokenProps } from "./map-style";
import { MapPanel } from "./map-panel";
import { ago, PersonDot } from "./people";
import { SosBanner } from "./sos-banner";
import { TrackLayer, TrackSummary, useTrack, type TrackFix } from "./person-track";
import { useBeep } from "./use-beep";
import { useLiveDuty } from "./use-live-duty";

type Pick =
  | { kind: "person"; id: string }
  | { kind: "grid"; id: string; lng: number; lat: number }
  | { kind: "segment"; id: string; lng: number; lat: number }
  | null;

export function DutyMap({ lib, data }: { lib: MapLib; data: DutyMapData }) {
  const { t } = useI18n();
  const { Map, Marker, NavigationControl, ScaleControl } = lib;
  const mapRef = useRef<MapRef>(null);
  const { ready, enable, beep } = useBeep();
  const [zoom, setZoom] = useState(10);
  const [pick, setPick] = useState<Pick>(null);
  const [show, setShow] = useState({ segments: true, points: true });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(id);
  }, []);

  const flyTo = useCallback(
    (lng: number, lat: number, z = 15) =>
      mapRef.current?.flyTo({ center: [lng, lat], zoom: Math.max(z, mapRef.current?.getZoom() ?? 0), duration: 800 }),
    [],
  );
  const onNewSos = useCallback(
    (s: SosEvent) => {
      // Mark the moment the banner appears (the SOS latency test reads it), beep, centre.
      performance.mark(`sos-shown:${s.id}`);
      beep();
      flyTo(s.lng, s.lat, 14);
    },
    [beep, flyTo],
  );
  const { people, sos, updateSos, features, status } = useLiveDuty(data, onNewSos);
  const incidents = useOpenIncidents(data.unitCode, data.canSeeIncidents);

  // Keep beeping every 10 s while an alert is open and nobody has acknowledged it.
  const anyOpen = [...sos.values()].some((s) => s.status === "open");
  useEffect(() => {
    if (!anyOpen) return;
    const id = setInterval(() => beep(), 10_000);
    return () => clearInterval(id);
  }, [anyOpen, beep]);

  const fc = useMemo(
    () => ({
      outlines: outlinesFc(data.outlines),
      grids: gridsFc(features.grids),
      segments: segmentsFc(features.segments),
      points: pointsFc(features.points),
    }),
    [data.outlines, features],
  );
  const list = useMemo(() => [...people.values()], [people]);
  const active = useMemo(
    () => [...sos.values()].filter((s) => s.status !== "resolved").sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    [sos],
  );
  const nearestFor = (s: SosEvent) =>
    nearestOnDuty(
      list.map((p) => ({ ...p, at: Date.parse(p.at) })),
      s,
      { now, staleAfterS: data.staleAfterS, exclude: s.userId, limit: 3 },
    );

  const picked = pick?.kind === "person" ? people.get(pick.id) : null;
  // The picked person's track, fetched again when their position changes (a late upload too).
  const track = useTrack(picked?.userId ?? null, picked?.at ?? "");
  const pickedGrid = pick?.kind === "grid" ? features.grids.find((g) => g.id === pick.id) : null;
  const pickedSegment = pick?.kind === "segment" ? features.segments.find((s) => s.id === pick.id) : null;
  const pickedArea = pickedGrid ?? pickedSegment;
  const bounds = data.bbox ?? [108.15, 26.79, 108.89, 27.37];
  // An alarm already open when the page loads is where the duty officer must look first.
  const [initialView] = useState(() => {
    const open = data.sos.filter((s) => s.status === "open").sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    return open
      ? { longitude: open.lng, latitude: open.lat, zoom: 14 }
      : {
          bounds: [
            [bounds[0], bounds[1]],
            [bounds[2], bounds[3]],
          ] as [[number, number], [number, number]],
          fitBoundsOptions: { padding: 30 },
        };
  });

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 lg:flex-row">
      <div
        className="relative min-h-[420px] flex-1 overflow-hidden rounded-lg border border-slate-200 bg-slate-100"
        data-testid="duty-map"
      >
        <Map
          ref={mapRef}
          {...mapTokenProps()}
          mapStyle={baseStyle()}
          initialViewState={initialView}
          style={{ position: "absolute", inset: 0 }}
          interactiveLayerIds={INTERACTIVE_LAYERS}
          attributionControl={false}
          onZoomEnd={(e) => setZoom(e.viewState.zoom)}
          onLoad={(e) => {
            setZoom(e.target.getZoom());
            e.target.getContainer().dataset.loaded = "true";
          }}
          onClick={(e) => {
            const f = e.features?.[0];
            if (!f) return setPick(null);
            const id = String(f.properties?.id);
            if (f.layer.id === "grid-fill") setPick({ kind: "grid", id, lng: e.lngLat.lng, lat: e.lngLat.lat });
            else if (f.layer.id === "segment-line")
              setPick({ kind: "segment", id, lng: e.lngLat.lng, lat: e.lngLat.lat });
          }}
        >
          <NavigationControl position="top-right" showCompass={false} />
          <ScaleControl position="bottom-left" />
          <DutyLayers lib={lib} {...fc} selectedGridId={pickedGrid?.id ?? null} show={show} />
          {track && <TrackLayer lib={lib} fixes={track} />}
          {zoom >= 11.5 &&
            features.grids.map((g) => {
              const [lng, lat] = centroidOf(g.geometry);
              return (
                <Marker
                  key={`l-${g.id}`}
                  longitude={lng}
                  latitude={lat}
                  anchor="center"
                  style={{ pointerEvents: "none" }}
                >
                  <span className="rounded bg-white/70 px-1 text-[11px] font-medium text-slate-800">{g.name}</span>
                </Marker>
              );
            })}
          {list.map((p) => (
            <Marker
              key={p.userId}
              longitude={p.lng}
              latitude={p.lat}
              anchor="left"
              onClick={(e) => {
                e.originalEvent.stopPropagation();
                setPick({ kind: "person", id: p.userId });
              }}
            >
              <PersonDot person={p} stale={now - Date.parse(p.at) > data.staleAfterS * 1000} showName={zoom >= 13} />
            </Marker>
          ))}
          {incidents.map((i) => (
            <Marker key={`inc-${i.id}`} longitude={i.lng} latitude={i.lat} anchor="center">
              <IncidentPin inc={i} t={t} />
            </Marker>
          ))}
          {active.map((s) => (
            <Marker key={`sos-${s.id}`} longitude={s.lng} latitude={s.lat} anchor="center">
              <span className="block h-8 w-8 animate-ping rounded-full bg-red-500/60" />
            </Marker>
          ))}
          {picked && (
            <PersonPopup
              lib={lib}
              person={picked}
              now={now}
              staleAfterS={data.staleAfterS}
              track={track}
              onClose={() => setPick(null)}
            />
          )}
          {pickedArea && pick && pick.kind !== "person" && (
            <RiskPopup
              lib={lib}
              at={pick}
              feature={pickedArea}
              riskWindowDays={data.riskWindowDays}
              onClose={() => setPick(null)}
              testId={pickedGrid ? "grid-popup" : undefined}
            >
              {pickedGrid && (
                <>
                  <p className="text-slate-600">
                    {t("duty.board.suggested", {
                      police: pickedGrid.staffing.police,
                      aux: pickedGrid.staffing.auxiliaries,
                    })}
                  </p>
                  {pickedGrid.demo && <p className="text-xs text-amber-700">{t("duty.map.demoNote")}</p>}
                </>
              )}
              {pickedSegment?.roadChief && (
                <p>
                  {t("duty.grids.roadChief")}：{pickedSegment.roadChief.name}
                </p>
              )}
            </RiskPopup>
          )}
        </Map>
        {active.length > 0 && (
          <div className="absolute inset-x-2 top-2 z-10 space-y-2 lg:right-16">
            {active.slice(0, 3).map((s) => (
              <SosBanner
                key={s.id}
                alert={s}
                nearest={nearestFor(s)}
                canHandle={data.canHandleSos}
                onLocate={() => flyTo(s.lng, s.lat, 15)}
                onChanged={updateSos}
              />
            ))}
          </div>
        )}
      </div>
      <div className="flex min-h-0 w-full flex-col lg:w-80">
        <MapPanel
          grids={features.grids}
          people={list}
          now={now}
          staleAfterS={data.staleAfterS}
          status={status}
          show={show}
          onToggle={(k) => setShow((s) => ({ ...s, [k]: !s[k] }))}
          onPick={(p) => {
            setPick({ kind: "person", id: p.userId });
            flyTo(p.lng, p.lat, 14);
          }}
          sound={{ ready, enable }}
        />
      </div>
    </div>
  );
}

/** A picked grid or road segment: its name and risk colour, why, then what `children` add. */
function RiskPopup({
  lib,
  at,
  feature,
  riskWindowDays,
  onClose,
  testId,
  children,
}: {
  lib: MapLib;
  /** Where the map was clicked. */
  at: { lng: number; lat: number };
  feature: { name: string; risk: Risk };
  riskWindowDays: number;
  onClose: () => void;
  testId?: string;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const { Popup } = lib;
  return (
    <Popup longitude={at.lng} latitude={at.lat} onClose={onClose} closeOnClick={false} maxWidth="320px">
      <div className="space-y-1 text-sm" data-testid={testId}>
        <p className="font-semibold">
          {feature.name} · {t(`duty.risk.${feature.risk.colour}`)}
        </p>
        <p className="text-slate-600">{t("duty.risk.why", { days: riskWindowDays, ...feature.risk })}</p>
        {children}
      </div>
    </Popup>
  );
}

function PersonPopup({
  lib,
  person,
  now,
  staleAfterS,
  track,
  onClose,
}: {
  lib: MapLib;
  person: PersonOnMap;
  now: number;
  staleAfterS: number;
  track: TrackFix[] | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { Popup } = lib;
  const age = now - Date.parse(person.at);
  return (
    <Popup
      longitude={person.lng}
      latitude={person.lat}
      anchor="bottom"
      offset={14}
      onClose={onClose}
      closeOnClick={false}
      maxWidth="300px"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-sm" data-testid="person-popup">
        <dt className="col-span-2 text-base font-semibold">
          {person.name}
          {person.badgeNumber ? ` · ${person.badgeNumber}` : ""}
        </dt>
        <dt className="text-slate-500">{t("duty.map.role")}</dt>
        <dd>{t(`roles.${person.role}`)}</dd>
        <dt className="text-slate-500">{t("duty.map.phone")}</dt>
        <dd data-testid="person-phone">{person.phone ?? "—"}</dd>
        <dt className="text-slate-500">{t("duty.map.status")}</dt>
        <dd>{t(`duty.statuses.${person.status}`)}</dd>
        <dt className="text-slate-500">{t("duty.map.currentBeat")}</dt>
        <dd>
          {person.beat
            ? `${person.beat.gridName} · ${t(`duty.shifts.${person.beat.shiftKind}`)}`
            : t("duty.map.noBeat")}
        </dd>
        <dd className={age > staleAfterS * 1000 ? "col-span-2 text-amber-700" : "col-span-2 text-slate-500"}>
          {t("duty.map.lastReport", { ago: ago(t, age) })}
          {age > staleAfterS * 1000 ? ` · ${t("duty.map.stale")}` : ""}
        </dd>
        <TrackSummary fixes={track} />
      </dl>
    </Popup>
  );
}
