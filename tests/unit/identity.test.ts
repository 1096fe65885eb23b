import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idCardCheckChar, isValidIdCard, maskIdCard, maskName, maskPhone } from "@/lib/identity/id-card";
import { isValidPlate, normalizePlate, plateKind } from "@/lib/vehicles/plate";

describe("ID-card numbers (GB 11643)", () => {
  it("accepts numbers with the right check character", () => {
    expect(isValidIdCard("11010519491231002X")).toBe(true); // the standard's own example
    expect(isValidIdCard("11010519491231002x")).toBe(true);
    expect(isValidIdCard("522625199003071234".slice(0, 17) + idCardCheckChar("52262519900307123"))).toBe(true);
  });
  it("rejects a wrong check character, a bad date, a future birth and bad shapes", () => {
    expect(isValidIdCard("110105194912310021")).toBe(false);
    expect(isValidIdCard("110105194902300020".slice(0, 17) + idCardCheckChar("11010519490230002"))).toBe(false); // 30 Feb
    expect(
      isValidIdCard("11010520991231002X".slice(0, 17) + idCardCheckChar("11010520991231002"), new Date("2026-11-23")),
    ).toBe(false);
    expect(isValidIdCard("")).toBe(false);
    expect(isValidIdCard("1101051949123100")).toBe(false);
    expect(isValidIdCard("01010519491231002X")).toBe(false);
  });
  it("any 17 digits plus their computed check character validate, any other last character does not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2005 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 999 }),
        (y, m, d, seq) => {
          const first17 = `522625${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(seq).padStart(3, "0")}`;
          const check = idCardCheckChar(first17);
          expect(isValidIdCard(first17 + check)).toBe(true);
          for (const other of "0123456789X") if (other !== check) expect(isValidIdCard(first17 + other)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
  it("masks to region and last four", () => {
    expect(maskIdCard("11010519491231002X")).toBe("110105********002X");
    expect(maskName("张三丰")).toBe("张**");
    expect(maskPhone("13908550001")).toBe("139****0001");
  });
});

describe("plates", () => {
  it.each([
    ["贵H12345", "ordinary"],
    ["贵h·1234A", "ordinary"],
    ["贵HD12345", "new_energy"],
    ["贵H12345F", "new_energy"],
    ["贵H1234挂", "trailer"],
    ["贵H1234学", "coach"],
    ["贵H1234警", "police"],
    ["粤Z1234港", "hk_macao"],
  ])("%s is %s", (plate, kind) => {
    expect(plateKind(plate)).toBe(kind);
  });
  it.each(["", "贵12345", "XH12345", "贵HI2345", "贵H1234", "贵H123456", "贵HD123", "贵HO12345"])("rejects %s", (p) => {
    expect(isValidPlate(p)).toBe(false);
  });
  it("normalizes what people type", () => {
    expect(normalizePlate(" 贵h·123 45 ")).toBe("贵H12345");
  });
});
