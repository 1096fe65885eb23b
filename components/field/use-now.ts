"use client";
import { useSyncExternalStore } from "react";

/** The time, refreshed every `everyMs` (0 while rendering on the server). */
export function useNow(everyMs = 30_000): number {
  return useSyncExternalStore(
    (cb) => {
      const t = setInterval(cb, everyMs);
      return () => clearInterval(t);
    },
    () => Math.floor(Date.now() / everyMs) * everyMs,
    () => 0,
  );
}

/** navigator.onLine, following the browser's online/offline events (true on the server). */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener("online", cb);
      window.addEventListener("offline", cb);
      return () => {
        window.removeEventListener("online", cb);
        window.removeEventListener("offline", cb);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}
