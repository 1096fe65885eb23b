import { randomFillSync } from "node:crypto";

/**
 * A version-7 uuid (time-ordered, like the database's uuid7()). Bulk imports assign ids
 * before COPY so that rows inserted by this batch can be told from rows that were
 * already there (same externalRef, different id) without a second round trip.
 * Written byte by byte from a table of hex pairs: an import makes one per row, and the
 * Buffer view, BigInt shifts and string slices of the obvious version allocated ~1 kB each.
 */
const pool = Buffer.alloc(16 * 4096);
let offset = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function uuid7(now = Date.now()): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const o = offset;
  offset += 16;
  // The 48-bit milliseconds as 32 high bits and 16 low bits (exact: now < 2^53).
  const hi = Math.floor(now / 0x10000);
  const lo = now - hi * 0x10000;
  const p = pool;
  return (
    HEX[(hi >>> 24) & 0xff] +
    HEX[(hi >>> 16) & 0xff] +
    HEX[(hi >>> 8) & 0xff] +
    HEX[hi & 0xff] +
    "-" +
    HEX[lo >>> 8] +
    HEX[lo & 0xff] +
    "-" +
    HEX[(p[o + 6] & 0x0f) | 0x70] +
    HEX[p[o + 7]] +
    "-" +
    HEX[(p[o + 8] & 0x3f) | 0x80] +
    HEX[p[o + 9]] +
    "-" +
    HEX[p[o + 10]] +
    HEX[p[o + 11]] +
    HEX[p[o + 12]] +
    HEX[p[o + 13]] +
    HEX[p[o + 14]] +
    HEX[p[o + 15]]
  );
}
