"use client";
import { useEffect, useState } from "react";

/** The current time, refreshed every `ms` (ages on screen stay honest without re-fetching). */
export function useNow(ms = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
