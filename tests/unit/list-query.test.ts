import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listQuery } from "@/lib/list-query";

const schema = z.object({
  status: z.enum(["open", "closed"]).optional(),
  year: z.coerce.number().int().min(2000).optional(),
  plate: z.string().optional(),
});

describe("listQuery", () => {
  it("drops empty parameters and keeps the rest for pagers", () => {
    const q = listQuery(schema, { status: "open", plate: "", year: undefined });
    expect(q).toEqual({ clean: { status: "open" }, valid: true, input: { status: "open" } });
  });
  it("merges defaults under the query", () => {
    expect(listQuery(schema, {}, { year: 2026 }).input).toEqual({ year: 2026 });
    expect(listQuery(schema, { year: "2019" }, { year: 2026 }).input).toEqual({ year: 2019 });
  });
  it("falls back to the defaults when the query does not parse, and says so", () => {
    const q = listQuery(schema, { status: "bogus", year: "1066" }, { status: "open" });
    expect(q.valid).toBe(false);
    expect(q.input).toEqual({ status: "open" });
    expect(q.clean).toEqual({ status: "bogus", year: "1066" });
  });
});
