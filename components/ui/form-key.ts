"use client";
import { useRef } from "react";

/** A random id that works on plain-http intranets too (crypto.randomUUID needs HTTPS). */
export function randomKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/**
 * The Idempotency-Key of a form: the same while the same content is submitted again
 * (double tap, retry after a timeout), a new one as soon as the content changes.
 */
export function useFormKey() {
  const ref = useRef<{ key: string; body: string } | null>(null);
  return (values: Record<string, unknown>): string => {
    const body = JSON.stringify(values);
    if (!ref.current || ref.current.body !== body) ref.current = { key: randomKey(), body };
    return ref.current.key;
  };
}
