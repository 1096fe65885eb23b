import { describe, expect, it } from "vitest";
import { placeLine } from "@/lib/incidents/wire";

describe("an incident's place in a list row", () => {
  const at = { lat: 27.04512, lng: 108.42361 };
  it("names the grid after an address that does not", () => {
    expect(placeLine({ ...at, address: "S308 12 公里", grid: { name: "城关网格" } })).toBe("S308 12 公里 · 城关网格");
  });
  it("does not repeat a grid the address already names", () => {
    expect(placeLine({ ...at, address: "城关网格", grid: { name: "城关网格" } })).toBe("城关网格");
  });
  it("falls back to the coordinates, and leaves out a missing grid", () => {
    expect(placeLine({ ...at, address: null, grid: null })).toBe("27.0451, 108.4236");
    expect(placeLine({ ...at, address: null, grid: { name: "羊场网格" } })).toBe("27.0451, 108.4236 · 羊场网格");
  });
});
