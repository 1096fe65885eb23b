import { describe, expect, it } from "vitest";
import { zodJitless } from "@/lib/zod-csp";

describe("zod without eval (lib/zod-csp)", () => {
  it("zod reads the jitless flag set on its global config without zod being imported first", async () => {
    zodJitless();
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // …and parsing still works (the slow path, no `new Function`).
    expect(z.object({ a: z.number() }).safeParse({ a: 1 }).success).toBe(true);
  });
});
