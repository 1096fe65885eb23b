"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Subscribes to a hall's public board events (server-sent events) and calls onEvent for
 * each; reconnects on its own (EventSource retries a dropped stream). When the server
 * refuses the stream (503: too many boards open, or the database away) the browser gives
 * up for good, so a new stream is opened after a pause. Returns whether the stream is up.
 */
const REOPEN_AFTER_MS = 30_000;

export function useHallEvents(
  unitCode: string | null,
  hallCode: string | null,
  onEvent: (topic: string, data: unknown) => void,
) {
  const handler = useRef(onEvent);
  const [live, setLive] = useState(false);
  const [attempt, setAttempt] = useState(0);
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
    let reopen: ReturnType<typeof setTimeout> | undefined;
    es.onerror = () => {
      setLive(false);
      // CLOSED: the browser will not retry (a non-200 answer); try again later ourselves.
      if (es.readyState === EventSource.CLOSED && !reopen)
        reopen = setTimeout(() => setAttempt((a) => a + 1), REOPEN_AFTER_MS * (0.75 + Math.random() / 2));
    };
    return () => {
      if (reopen) clearTimeout(reopen);
      es.close();
      setLive(false);
    };
  }, [unitCode, hallCode, attempt]);
  return live;
}
