"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/realtime/events";
import type { DutyMapData, PersonOnMap, SosEvent } from "@/lib/duty/map-types";
import type { PositionEvent } from "@/lib/duty/events";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "expired";

/**
 * The map's live state: people's last positions and SOS alerts, kept current from the
 * server-sent events of /api/v1/duty/events (Postgres NOTIFY behind it, so any app
 * instance's writes arrive). Grid and beat changes refetch what they affect.
 */
export function useLiveDuty(initial: DutyMapData, onNewSos: (s: SosEvent) => void) {
  const [people, setPeople] = useState(() => new Map(initial.people.map((p) => [p.userId, p])));
  const [sos, setSos] = useState(() => new Map(initial.sos.map((s) => [s.id, s])));
  // Mirrors of the state for event handlers (state updaters run later, during render).
  const peopleRef = useRef(people);
  const sosRef = useRef(sos);
  const commitPeople = useCallback((next: Map<string, PersonOnMap>) => {
    peopleRef.current = next;
    setPeople(next);
  }, []);
  const commitSos = useCallback((next: Map<string, SosEvent>) => {
    sosRef.current = next;
    setSos(next);
  }, []);
  const [features, setFeatures] = useState({
    grids: initial.grids,
    segments: initial.segments,
    points: initial.points,
  });
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const sosSeen = useRef(new Set(initial.sos.map((s) => s.id)));
  const onNewSosRef = useRef(onNewSos);
  useEffect(() => {
    onNewSosRef.current = onNewSos;
  }, [onNewSos]);
  const unitQs = `unit=${encodeURIComponent(initial.unitCode)}`;

  const refreshPeople = useCallback(
    async (userId?: string) => {
      const r = await fetch(`/api/v1/positions?${unitQs}${userId ? `&user=${userId}` : ""}`, { cache: "no-store" });
      if (!r.ok) return;
      const items: PersonOnMap[] = (await r.json()).items;
      const next = new Map(userId ? peopleRef.current : []);
      for (const p of items) next.set(p.userId, p);
      commitPeople(next);
    },
    [unitQs, commitPeople],
  );

  const refreshGrids = useCallback(async () => {
    const r = await fetch(`/api/v1/grids?${unitQs}&geometry=1&features=1`, { cache: "no-store" });
    if (!r.ok) return;
    const d = await r.json();
    setFeatures({ grids: d.items, segments: d.segments, points: d.points });
  }, [unitQs]);

  useEffect(() => {
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const debounce: Record<string, ReturnType<typeof setTimeout>> = {};
    const later = (key: string, fn: () => void, ms = 1500) => {
      clearTimeout(debounce[key]);
      debounce[key] = setTimeout(fn, ms);
    };
    const connect = () => {
      es = new EventSource("/api/v1/duty/events");
      es.onopen = () => setStatus("live");
      es.addEventListener("duty.position", (m) => {
        const e = JSON.parse((m as MessageEvent).data) as LiveEvent<PositionEvent>;
        const d = e.data;
        const cur = peopleRef.current.get(d.userId);
        const next = new Map(peopleRef.current);
        next.set(d.userId, {
          ...(cur ?? { badgeNumber: null, phone: null, beat: null }),
          userId: d.userId,
          name: d.name,
          role: d.role,
          unitCode: d.unitCode,
          lat: d.lat,
          lng: d.lng,
          accuracyM: d.accuracyM,
          status: d.status,
          at: d.at,
        });
        commitPeople(next);
        // Someone new on the map: fetch their details (phone as the viewer may see it, beat).
        if (!cur) later(`p:${d.userId}`, () => void refreshPeople(d.userId), 200);
      });
      es.addEventListener("duty.sos", (m) => {
        const e = JSON.parse((m as MessageEvent).data) as LiveEvent<SosEvent>;
        commitSos(new Map(sosRef.current).set(e.data.id, e.data));
        if (e.data.status === "open" && !sosSeen.current.has(e.data.id)) {
          sosSeen.current.add(e.data.id);
          onNewSosRef.current(e.data);
        }
      });
      es.addEventListener("duty.grid", () => later("grids", () => void refreshGrids()));
      es.addEventListener("duty.beat", () => later("people", () => void refreshPeople(), 2000));
      es.onerror = () => {
        if (closed) return;
        if (es?.readyState === EventSource.CLOSED) {
          // Closed for good (e.g. a 401 after the session ended): check why, then retry.
          es = null;
          void fetch("/api/v1/me", { cache: "no-store" }).then(
            (r) => {
              if (r.status === 401) setStatus("expired");
              else {
                setStatus("reconnecting");
                retry = setTimeout(connect, 3000);
              }
            },
            () => {
              setStatus("reconnecting");
              retry = setTimeout(connect, 3000);
            },
          );
        } else setStatus("reconnecting");
      };
    };
    connect();
    return () => {
      closed = true;
      es?.close();
      if (retry) clearTimeout(retry);
      Object.values(debounce).forEach(clearTimeout);
    };
  }, [refreshGrids, refreshPeople, commitPeople, commitSos]);

  const updateSos = useCallback((s: SosEvent) => commitSos(new Map(sosRef.current).set(s.id, s)), [commitSos]);
  return { people, sos, updateSos, features, status };
}
