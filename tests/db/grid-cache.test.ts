/**
 * The grid index cache (lib/duty/grid-lookup.ts) is per app instance, so a grid created on
 * another instance must reach it through PostgreSQL: the change NOTIFYs "duty.grid" on
 * commit and every instance's listener empties its cache. Without the notification the
 * cache would keep the old index for up to a minute.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/actor";
import { cachedGridIndex } from "@/lib/duty/grid-lookup";
import { createGridSchema } from "@/lib/duty/schemas";
import { createGrid } from "@/lib/duty/write-grids";
import type { LiveEvent } from "@/lib/realtime/events";
import { eventListener } from "@/lib/realtime/listener";
import { actorFor } from "../setup/actors";
import { brigade, square, ZY } from "../setup/duty-fixtures";

let duty: SessionUser;
beforeAll(async () => {
  duty = await actorFor("zy-duty");
});

const waitFor = async (cond: () => boolean, ms = 5_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("grid index cache across instances", () => {
  it("forgets a brigade's index as soon as a grid change is notified", async () => {
    const { id: brigadeId } = await brigade("522625");
    const at = { lat: ZY.lat + 0.005, lng: ZY.lng + 0.005 };
    expect((await cachedGridIndex(brigadeId)).at(at.lng, at.lat)).toBeNull();
    await waitFor(() => eventListener().connected);
    // Re-checked against the table after a second: cached now, and trusted for a minute
    // while notifications arrive.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await cachedGridIndex(brigadeId)).at(at.lng, at.lat)).toBeNull();

    const seen: LiveEvent[] = [];
    await eventListener().subscribe((e) => seen.push(e));
    const grid = await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "cache test",
        kind: "urban",
        geometry: square(ZY.lng, ZY.lat, 0.01),
        difficulty: 3,
      }),
    });
    await waitFor(() => seen.some((e) => e.topic === "duty.grid"));
    expect((await cachedGridIndex(brigadeId)).at(at.lng, at.lat)).toBe(grid.grid.id);
  });
});
