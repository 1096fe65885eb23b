"use client";
import { useCallback, useRef } from "react";

/**
 * Reads JSON from a GET route handler, for screens that refresh or poll. Reads never go
 * through server actions: Next runs a page's server actions one at a time, so a slow read
 * there would hold back the user's next key or click.
 *
 * The latest call wins: an older answer that arrives after a newer call is dropped. A failed
 * read leaves the screen as it was (the next refresh tries again).
 */
export function useGet<T>() {
  const latest = useRef(0);
  return useCallback(async (url: string, onOk: (data: T) => void) => {
    const mine = ++latest.current;
    try {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok || mine !== latest.current) return;
      const data = (await res.json()) as T;
      if (mine === latest.current) onOk(data);
    } catch {
      // offline or aborted: keep what is shown
    }
  }, []);
}
