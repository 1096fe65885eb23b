/**
 * Inside an interactive transaction every query goes to one pg client. Prisma loads an
 * include's relations with Promise.all; without lib/db-client.ts's oneQueryAtATime they reach
 * that client at once (pg's "Calling client.query() when the client is already executing a
 * query", an error in pg 9). Counted here on pg's own Client.query.
 */
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Largest number of queries one pg client had in flight at once while `fn` ran. */
async function mostInFlight(fn: () => Promise<unknown>) {
  const original = pg.Client.prototype.query;
  const inFlight = new Map<object, number>();
  let most = 0;
  vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const n = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, n);
    most = Math.max(most, n);
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const r = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).then(done, done);
    else done();
    return r;
  } as typeof original);
  await fn();
  return most;
}

describe("queries inside a transaction", () => {
  it("reach the transaction's client one at a time, also for an include of several relations", async () => {
    const most = await mostInFlight(() =>
      db.$transaction(async (tx) => {
        const units = await tx.unit.findMany({ take: 3, include: { parent: true, children: true, users: true } });
        expect(units.length).toBeGreaterThan(0);
        await Promise.all([tx.unit.count(), tx.user.count(), tx.unit.findFirst({ include: { profiles: true } })]);
      }),
    );
    expect(most).toBe(1);
  });

  it("still give each query its own result and error", async () => {
    const [a, b] = await db.$transaction(async (tx) =>
      Promise.all([tx.unit.count(), tx.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`]),
    );
    expect(a).toBeGreaterThan(0);
    expect(b).toEqual([{ n: 2 }]);
    await expect(
      db.$transaction(async (tx) => Promise.all([tx.$queryRaw`SELECT 1/0`, tx.unit.count()])),
    ).rejects.toThrow();
  });
});
