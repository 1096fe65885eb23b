import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zTimeWindow } from "@/lib/duty/schemas";
import { parseTimeWindows, timeWindowsError } from "@/lib/duty/time-windows";

describe("typed time windows", () => {
  it("splits on commas of either width and on spaces", () => {
    expect(parseTimeWindows("07:00-09:00, 17:00-19:00")).toEqual([
      { from: "07:00", to: "09:00" },
      { from: "17:00", to: "19:00" },
    ]);
    expect(parseTimeWindows(" 07:00-09:00，17:00-19:00  12:00-13:00 ")).toHaveLength(3);
    expect(parseTimeWindows("")).toEqual([]);
  });

  it("a window without its end is reported as a bad time, not as a missing field", () => {
    const windows = parseTimeWindows("07:00-09:00, 17:00");
    expect(windows[1]).toEqual({ from: "17:00", to: "" });
    const issues = z.array(zTimeWindow).safeParse(windows).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([["1.to", "duty.validation.hhmm"]]);
  });

  it("finds the first message under a list field", () => {
    const fields = { name: "x", "peakWindows.1.to": "bad", "peakWindows.2.from": "worse" };
    expect(timeWindowsError(fields, "peakWindows")).toBe("bad");
    expect(timeWindowsError(fields, "timeWindows")).toBeUndefined();
  });
});
