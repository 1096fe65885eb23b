"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the server page every `seconds` (supervisor figures stay current on a wall screen). */
export function AutoRefresh({ seconds = 60 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const h = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(h);
  }, [router, seconds]);
  return null;
}
