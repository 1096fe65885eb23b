/** Replays are recognised by content: the same body in any key order hashes the same; any change does not. */
import { describe, expect, it } from "vitest";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { createViolationSchema } from "@/lib/violations/schemas";
import { contentHashOf } from "@/lib/records/kernel";

describe("contentHashOf", () => {
  it("does not depend on key order or on how values were spelled", () => {
    const a = createViolationSchema.parse({
      occurredAt: "2026-03-01T09:30:00+08:00",
      type: "illegal_parking",
      plate: "贵h 12345",
      fineYuan: "100",
      lat: 27.05,
      lng: 108.43,
    });
    const b = createViolationSchema.parse({
      lng: "108.43",
      lat: "27.05",
      fineYuan: 100,
      plate: "贵H12345",
      type: "illegal_parking",
      occurredAt: "2026-03-01T01:30:00Z",
    });
    expect(contentHashOf("violation", a)).toBe(contentHashOf("violation", b));
    const c = createViolationSchema.parse({
      occurredAt: "2026-03-01T09:30:00+08:00",
      type: "illegal_parking",
      plate: "贵H12345",
      fineYuan: 101,
      lat: 27.05,
      lng: 108.43,
    });
    expect(contentHashOf("violation", c)).not.toBe(contentHashOf("violation", a));
    expect(contentHashOf("accident", a)).not.toBe(contentHashOf("violation", a));
  });

  it("covers nested vehicles of an accident", () => {
    const x = createAccidentSchema.parse({
      occurredAt: "2026-03-01T09:30",
      injured: 1,
      vehicles: [{ vehicleType: "small_car", plate: "贵H12345" }],
    });
    const y = createAccidentSchema.parse({
      vehicles: "贵H12345:small_car",
      injured: "1",
      occurredAt: "2026-03-01T09:30:00+08:00",
    });
    expect(contentHashOf("accident", x)).toBe(contentHashOf("accident", y));
  });
});

describe("form values", () => {
  it("a checked checkbox (sent as a one-element list by formValues) reads as true", () => {
    const v = createViolationSchema.parse({ occurredAt: "2026-03-01T09:30", type: "other", licenceSeized: ["on"] });
    expect(v.licenceSeized).toBe(true);
    expect(
      createViolationSchema.parse({ occurredAt: "2026-03-01T09:30", type: "other", licenceSeized: [] }).licenceSeized,
    ).toBe(false);
    expect(
      createViolationSchema.safeParse({ occurredAt: "2026-03-01T09:30", type: "other", licenceSeized: ["on", "off"] })
        .success,
    ).toBe(false);
  });
});
