"use client";
import { useEffect } from "react";
import "@/lib/zod-csp";

/**
 * Marks the document once React has hydrated the root (`<html data-hydrated>`). Browser tests
 * wait for it before they type or tap, as a person would wait for a page to respond: input
 * typed into a controlled field before hydration is not seen by React.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
