/**
 * readDb (lib/db-read.ts): where reads go with and without a replica, and that they still
 * answer when the replica is down — also when it fails in the middle of a request. The
 * "replica" here is the test database itself (a primary: nothing to replay, never behind)
 * or a port with no server; the real streaming replica is tested by npm run test:cluster.
 */
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseLsn, readDb, readLag, readTarget, rememberOwnWrite, replicaState } from "@/lib/db-read";

const g = globalThis as unknown as {
  trafficopsReadDb?: { $disconnect(): Promise<void> };
  trafficopsReplica?: { state: unknown; inflight: unknown };
};

async function useReplica(url: string | undefined) {
  await g.trafficopsReadDb?.$disconnect().catch(() => {});
  g.trafficopsReadDb = undefined;
  g.trafficopsReplica = undefined;
  if (url) process.env.DATABASE_READ_URL = url;
  else delete process.env.DATABASE_READ_URL;
}

async function closedPortUrl() {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  const u = new URL(process.env.DATABASE_URL!);
  u.port = String(port);
  return u.toString();
}

const reads = async () => ({
  raw: (await readDb.$queryRaw<{ x: number }[]>`SELECT ${41}::int + 1 AS x`)[0].x,
  count: await readDb.unit.count(),
  tx: await readDb.$transaction(async (tx) => tx.unit.count()),
});

afterEach(() => useReplica(undefined));

describe("readDb", () => {
  it("reads from the primary without DATABASE_READ_URL (every call shape works through it)", async () => {
    await useReplica(undefined);
    expect(await readTarget()).toBe("primary");
    const units = await db.unit.count();
    expect(await reads()).toEqual({ raw: 42, count: units, tx: units });
    expect(await rememberOwnWrite()).toBeNull();
    expect(await readLag()).toBeNull();
  });

  it("reads from a replica that has everything", async () => {
    await useReplica(process.env.DATABASE_URL);
    expect(await readTarget()).toBe("replica");
    expect((await reads()).raw).toBe(42);
    expect(await readLag()).toBeNull();
    const lsn = await rememberOwnWrite();
    expect(parseLsn(lsn)).toBeGreaterThan(0n);
  });

  it("falls back to the primary when the replica is down, also mid-request", async () => {
    await useReplica(await closedPortUrl());
    expect(await readTarget()).toBe("primary");
    expect((await replicaState()).up).toBe(false);
    expect((await reads()).raw).toBe(42);
    // Believed up, fails on use: the read is repeated on the primary, the replica marked down.
    g.trafficopsReplica = {
      state: { up: true, replayLsn: 2n ** 60n, lagMs: 0, asOf: null, checkedAt: Date.now() },
      inflight: null,
    };
    expect(await readTarget()).toBe("replica");
    expect(await readDb.unit.count()).toBe(await db.unit.count());
    expect(await readTarget()).toBe("primary");
  });

  it("parses WAL positions", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn("FFFFFFFF/FFFFFFFF") > parseLsn("16/B374D848")).toBe(true);
    expect(parseLsn("nonsense")).toBe(0n);
    expect(parseLsn(undefined)).toBe(0n);
  });
});
