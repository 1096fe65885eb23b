import { describe, expect, it } from "vitest";
import { listAccidentsSchema } from "@/lib/accidents/schemas";
import { listHazardsSchema } from "@/lib/hazards/schemas";
import { periodQuerySchema } from "@/lib/stats/periods";
import { reportPageSchema } from "@/lib/stats/report-params";
import {
  FALSE_WORDS,
  idOrNotFound,
  isUuid,
  TRUE_WORDS,
  zBool,
  zDate,
  zDay,
  zOptDay,
  zOptText,
  zText,
  zUuid,
} from "@/lib/validation";
import { listViolationsSchema } from "@/lib/violations/schemas";
import { assignComplaintSchema, listTransactionsSchema } from "@/lib/window/schemas";

const ID = "01a207a2-fb84-78d0-b896-38365717353d";

describe("one zDay", () => {
  it("accepts real calendar dates only", () => {
    expect(zDay.safeParse("2024-02-29").success).toBe(true);
    expect(zDay.safeParse(" 2024-02-29 ").data).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "2023-02-30", "2024-13-01", "29/02/2024", "2024-2-9", ""])
      expect(zDay.safeParse(bad).success, bad).toBe(false);
    expect(zOptDay.parse("")).toBeUndefined();
    expect(zDate.safeParse("2023-02-30").success).toBe(false);
    expect(zDate.parse("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
  });

  it("is the rule of every list filter, report and window date", () => {
    const refuses = (schema: { safeParse(v: unknown): { success: boolean } }, input: Record<string, unknown>) =>
      expect(schema.safeParse(input).success).toBe(false);
    refuses(listViolationsSchema, { from: "2023-02-30" });
    refuses(listAccidentsSchema, { to: "2023-02-30" });
    refuses(listHazardsSchema, { from: "2023-02-30" });
    refuses(listTransactionsSchema, { from: "2023-02-30" });
    refuses(assignComplaintSchema, { id: ID, dueDate: "2023-02-30" });
    refuses(reportPageSchema, { unitCode: "522625", year: 2023, from: "2023-02-30", to: "2023-03-01" });
    refuses(periodQuerySchema, { period: "custom", from: "2023-02-30", to: "2023-03-01" });
    expect(listViolationsSchema.parse({ from: "2024-02-29", to: "" }).from).toBe("2024-02-29");
  });
});

describe("one boolean", () => {
  it("reads flags from JSON, forms and CSV, and refuses anything else", () => {
    for (const v of [true, ...TRUE_WORDS, "TRUE", " Yes ", ["on"]]) expect(zBool.parse(v), String(v)).toBe(true);
    for (const v of [false, ...FALSE_WORDS, "", undefined, null, []]) expect(zBool.parse(v), String(v)).toBe(false);
    expect(zBool.safeParse("maybe").success).toBe(false);
    expect(zBool.default(true).parse(undefined)).toBe(true);
  });
});

describe("text and ids", () => {
  it("optional text is trimmed, blank is not given, control characters are refused", () => {
    expect(zOptText(5).parse("  ab  ")).toBe("ab");
    expect(zOptText(5).parse("   ")).toBeUndefined();
    expect(zOptText(5).parse(null)).toBeUndefined();
    expect(zOptText(5).safeParse("abcdef").success).toBe(false);
    expect(zOptText(5).safeParse("a\u0000b").success).toBe(false);
    expect(zText(5).safeParse("  ").success).toBe(false);
  });

  it("ids are uuids; anything else names nothing (404)", () => {
    expect(zUuid.parse(` ${ID} `)).toBe(ID);
    expect(zUuid.safeParse("1").success).toBe(false);
    expect(isUuid(ID)).toBe(true);
    expect(isUuid("x")).toBe(false);
    expect(idOrNotFound(ID)).toBe(ID);
    expect(() => idOrNotFound("../etc", "violation")).toThrow(/violation not found/);
    expect(() => idOrNotFound(undefined)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});
