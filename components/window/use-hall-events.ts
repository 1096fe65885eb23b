"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Subscribes to a hall's public board events (server-sent events) and calls onEvent for
 * each; reconnects on its own (EventSource retries). Returns whether the stream is up.
 */
export function useHallEvents(
  unitCode: string | null,
  hallCode: string | null,
  onEvent: (topic: string, data: unknown) => void,
) {
  const handler = useRef(onEvent);
  const [live, setLive] = useState(false);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    if (!unitCode || !hallCode) return;
    const es = new EventSource(
      `/api/v1/hall/${encodeURIComponent(unitCode)}/events?hall=${encodeURIComponent(hallCode)}`,
    );
    const on = (topic: string) => (e: MessageEvent) => {
      try {
        handler.current(topic, JSON.parse(e.data).data);
      } catch {
        /* a malformed event is ignored */
      }
    };
    es.addEventListener("window.board", on("window.board"));
    es.addEventListener("window.board.state", on("window.board.state"));
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    return () => {
      es.close();
      setLive(false);
    };
  }, [unitCode, hallCode]);
  return live;
}
