/**
 * Live updates go through PostgreSQL, not process memory: every app instance (here two
 * independent listeners with their own connections) gets each event, and only once the
 * writing transaction commits.
 */
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { LiveEvent } from "@/lib/realtime/events";
import { EventListener } from "@/lib/realtime/listener";
import { notifyEvent } from "@/lib/realtime/notify";

const a = new EventListener(process.env.DATABASE_URL);
const b = new EventListener(process.env.DATABASE_URL);
afterAll(async () => {
  await a.close();
  await b.close();
});

function collect(l: EventListener) {
  const got: LiveEvent[] = [];
  return l.subscribe((e) => got.push(e)).then(() => got);
}

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const t0 = Date.now();
  while (!cond() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 20));
};

describe("live events", () => {
  it("reach every instance after commit, never on rollback", async () => {
    const [ga, gb] = await Promise.all([collect(a), collect(b)]);
    await expect(
      db.$transaction(async (tx) => {
        await notifyEvent(tx, "test", "/520000/", { n: 0 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await db.$transaction(async (tx) => {
      await notifyEvent(tx, "test", "/520000/", { n: 1 });
      await new Promise((r) => setTimeout(r, 200));
      // Not delivered while the transaction is still open.
      expect(ga.length + gb.length).toBe(0);
    });
    await waitFor(() => ga.length > 0 && gb.length > 0);
    expect(ga.map((e) => e.data)).toEqual([{ n: 1 }]);
    expect(gb.map((e) => e.data)).toEqual([{ n: 1 }]);
  });
});
