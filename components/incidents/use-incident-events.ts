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
      retry = setTimeout(connect, 3000);
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
    connect();
    return () => {
      closed = true;
      es?.close();
      if (retry) clearTimeout(retry);
    };
  }, [enabled]);
  return status;
}
