import { describe, expect, it } from "vitest";
import { hhmmToMinutes, minutesToHhmm, ticketNumber } from "@/lib/window/catalogue";
import { counterSchema, hallHoursSchema } from "@/lib/window/schemas";

describe("window vocabulary", () => {
  it("numbers tickets A001 … A999, A1000", () => {
    expect(ticketNumber("A", 1)).toBe("A001");
    expect(ticketNumber("B", 42)).toBe("B042");
    expect(ticketNumber("C", 1000)).toBe("C1000");
  });
  it("reads and writes opening times", () => {
    expect(hhmmToMinutes("08:30")).toBe(510);
    expect(hhmmToMinutes("24:00")).toBe(1440);
    expect(hhmmToMinutes("24:01")).toBeNull();
    expect(hhmmToMinutes("8:5")).toBeNull();
    expect(minutesToHhmm(1050)).toBe("17:30");
  });
  it("parses the letters a window calls and a week of hours", () => {
    expect(
      counterSchema.parse({ hallId: "01a207a2-fb84-78d0-b896-38365717353d", number: "3", letters: "a, b、C" }).letters,
    ).toEqual(["A", "B", "C"]);
    expect(
      counterSchema.safeParse({ hallId: "01a207a2-fb84-78d0-b896-38365717353d", number: "3", letters: "AB" }).success,
    ).toBe(false);
    const days = Array.from({ length: 7 }, (_, i) => ({
      weekday: i + 1,
      open: i < 5,
      opens: "08:30",
      closes: "17:30",
    }));
    expect(hallHoursSchema.safeParse({ hallId: "01a207a2-fb84-78d0-b896-38365717353d", days }).success).toBe(true);
    const bad = hallHoursSchema.safeParse({
      hallId: "01a207a2-fb84-78d0-b896-38365717353d",
      days: days.map((d) => ({ ...d, closes: "08:00" })),
    });
    expect(bad.error?.issues[0].path).toEqual(["days", 0, "closes"]);
  });
});
