import { randomFillSync } from "node:crypto";

/**
 * A version-7 uuid (time-ordered, like the database's uuid7()). Bulk imports assign ids
 * before COPY so that rows inserted by this batch can be told from rows that were
 * already there (same externalRef, different id) without a second round trip.
 */
const pool = Buffer.alloc(16 * 4096);
let offset = pool.length;

export function uuid7(now = Date.now()): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
