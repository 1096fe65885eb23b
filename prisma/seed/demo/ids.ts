import type { Rng } from "./rng";

/** A deterministic uuid (v4 layout) from the generator's stream, so reruns collide on ids. */
export function uuidFrom(r: Rng): string {
  const h = Array.from({ length: 16 }, () => r.int(0, 255));
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
