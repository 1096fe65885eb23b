/** uuid7: version-7 layout, the time in its first 48 bits, ids of one millisecond distinct. */
import { describe, expect, it } from "vitest";
import { uuid7 } from "@/lib/records/kernel/uuid7";

describe("uuid7", () => {
  it("carries the milliseconds in its first 48 bits, version 7 and the RFC variant", () => {
    for (const now of [0, 1, 0xffff, 0x10000, Date.UTC(2026, 11, 5, 2, 30), 2 ** 48 - 1]) {
      const id = uuid7(now);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
    }
  });

  it("gives distinct ids within one millisecond, across the random pool's refills", () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => uuid7(now)));
    expect(ids.size).toBe(10_000);
  });
});
