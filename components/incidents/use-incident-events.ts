"use client";
import { useEffect, useRef, useState } from "react";
import type { IncidentEvent } from "@/lib/incidents/events";
import type { LiveEvent } from "@/lib/realtime/events";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "expired";

/**
 * Live incident events (/api/v1/incidents/events: Postgres NOTIFY behind it, so a write on
 * any app instance arrives). The desk and the map get every incident in scope; a responder
 * only the dispatches that name them. Reconnects by itself; says so when the session ended.
 * `enabled: false` opens no stream (a map viewer without incident.view). `onOpen` runs on every
 * (re)connect: what happened while the stream was down sent no event.
 */
export function useIncidentEvents(
  onEvent: (e: IncidentEvent) => void,
  enabled = true,
  onOpen?: () => void,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  const opened = useRef(onOpen);
  useEffect(() => {
    handler.current = onEvent;
    opened.current = onOpen;
  }, [onEvent, onOpen]);
  useEffect(() => {
    if (!enabled) return;
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const again = () => {
      setStatus("reconnecting");
      // No network: the browser's "online" event reconnects (below), not a timer.
      if (navigator.onLine !== false) retry = setTimeout(connect, 3000);
    };
    const connect = () => {
      es = new EventSource("/api/v1/incidents/events");
      es.onopen = () => {
        setStatus("live");
        opened.current?.();
      };
      es.addEventListener("incident", (m) => {
        handler.current((JSON.parse((m as MessageEvent).data) as LiveEvent<IncidentEvent>).data);
      });
      es.onerror = () => {
        if (closed) return;
        if (es?.readyState !== EventSource.CLOSED) return setStatus("reconnecting");
        // Closed for good (e.g. a 401 after the session ended): check why, then retry.
        es = null;
        void fetch("/api/v1/me", { cache: "no-store" }).then(
          (r) => (r.status === 401 ? setStatus("expired") : again()),
          again,
        );
      };
    };
    // A phone losing its signal: a stream on a dead connection may not fail for minutes, so
    // it is closed when the browser goes offline and opened again the moment it is back
    // online (onOpen then reads what was missed meanwhile, e.g. a dispatch).
    const offline = () => {
      es?.close();
      es = null;
      if (retry) clearTimeout(retry);
      retry = null;
      setStatus("reconnecting");
    };
    const online = () => {
      if (es || closed) return;
      if (retry) clearTimeout(retry);
      retry = null;
      connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    connect();
    return () => {
      closed = true;
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      es?.close();
      if (retry) clearTimeout(retry);
    };
  }, [enabled]);
  return status;
}
