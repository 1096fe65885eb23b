/**
 * The supervised embedded PostgreSQL (what `npm run dev` / `npm start` run) under load:
 * `kill -9` of the postmaster while four cameras post violations through the real route
 * handler. The launcher's supervisor must restart it (crash recovery) within 30 s with no
 * one acting, every answer during the outage must be a 503 UNAVAILABLE (never a 500 or a
 * hang), and every violation answered 201 must be in the database afterwards.
 *
 * Its own server (durable settings: a commit is acknowledged only once its WAL is
 * written), not the shared test server, which other files use.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/scripts/lib/embedded-postgres";

const dataDir = path.join(import.meta.dirname, "../.artifacts", `pg-crash-${process.pid}`);
const logLines: string[] = [];
let server: EmbeddedDatabase;

beforeAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = await startEmbeddedPostgres({
    dataDir,
    database: "trafficops",
    ephemeral: true,
    supervise: true,
    port: 55561,
    log: (l) => logLines.push(l),
  });
  // Every app module imported from here on talks to this server. The seed reaches @/lib/db
  // (through the record kernel), so it too is imported only now: a static import would bind
  // lib/db's client to this file's clone of the shared test database.
  process.env.DATABASE_URL = server.url;
  const g = globalThis as Record<string, unknown>;
  for (const k of ["trafficopsDb", "trafficopsPgPool", "trafficopsListener", "trafficopsProbe"]) g[k] = undefined;
  const { migrate } = await import("@/scripts/lib/migrations");
  const { seedDatabase } = await import("@/scripts/lib/seed-runner");
  await migrate(server.url, () => {});
  await seedDatabase(server.url, { only: ["units"], log: () => {} });
}, 180_000);

afterAll(async () => {
  const g = globalThis as unknown as {
    trafficopsDb?: { $disconnect(): Promise<void> };
    trafficopsProbe?: { pool: { end(): Promise<void> } };
  };
  await g.trafficopsDb?.$disconnect().catch(() => {});
  await g.trafficopsProbe?.pool.end().catch(() => {});
  await server?.stop();
});

describe("embedded PostgreSQL killed under load", () => {
  it("is restarted within 30 s; failures are 503 UNAVAILABLE; no acknowledged write is lost", async () => {
    const { POST } = await import("@/app/api/v1/violations/route");
    const { GET: health } = await import("@/app/api/health/route");
    const { call } = await import("../setup/api");
    const { ensureCatalogue, makeToken, ZHENYUAN } = await import("../setup/records");
    await ensureCatalogue();
    // makeToken records an administrator as the token's creator.
    await (
      await import("@/lib/db")
    ).db.$executeRaw`
      INSERT INTO users (username, display_name, role, unit_id, password_hash, updated_at)
      SELECT 'admin', 'admin', 'ADMIN', id, 'not-a-hash', now() FROM units WHERE code = '520000'`;
    const token = await makeToken("522625", ["violation.create", "violation.penalize"], "crash-test camera");

    const acked: string[] = [];
    const statuses = new Map<number, number>();
    const samples: string[] = [];
    let n = 0;
    let stop = false;
    let killedAt = 0;
    let firstOkAfterKill = 0;
    let slowest = 0;
    const writer = async () => {
      while (!stop) {
        const ref = `CRASH-${++n}`;
        const t0 = Date.now();
        const res = await call(POST, {
          token,
          body: {
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
            ...ZHENYUAN,
            plate: "贵H12345",
            plateColor: "blue",
            vehicleType: "small_car",
            type: "speeding_20_50",
            source: "camera",
            fineYuan: 200,
            points: 6,
            externalRef: ref,
          },
        });
        slowest = Math.max(slowest, Date.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) {
          acked.push(ref);
          // Recovered: a request sent after the kill succeeded.
          if (killedAt && t0 > killedAt && !firstOkAfterKill) firstOkAfterKill = Date.now();
        } else {
          if (samples.length < 5) samples.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          // A client backs off a little on 503 (Retry-After), rather than spinning.
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);

    // Load first, then the kill.
    const until = async (cond: () => boolean, ms: number) => {
      const t0 = Date.now();
      while (!cond()) {
        if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const healthDuringOutage: number[] = [];
    let healthWatcher = Promise.resolve();
    let ackedBeforeKill = 0;
    try {
      await until(() => acked.length >= 20, 60_000);
      const pid = server.pid?.();
      expect(pid).toBeGreaterThan(0);
      ackedBeforeKill = acked.length;
      // Recovery replays the WAL since the last checkpoint: not the schema and seed above.
      await (
        await import("@/lib/db")
      ).db.$executeRaw`CHECKPOINT`;
      process.kill(pid!, "SIGKILL");
      killedAt = Date.now();
      // While it is away, /api/health says so.
      healthWatcher = (async () => {
        while (!firstOkAfterKill && Date.now() - killedAt < 30_000) {
          healthDuringOutage.push((await health()).status);
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      await until(() => firstOkAfterKill > 0, 30_000);
      // Keep writing a little after recovery, then stop.
      const target = acked.length + 20;
      await until(() => acked.length >= target, 30_000);
    } finally {
      stop = true;
      await Promise.all(writers);
      await healthWatcher;
    }
    const recoveryMs = firstOkAfterKill - killedAt;

    const { db } = await import("@/lib/db");
    const stored = await db.violation.count({ where: { externalRef: { in: acked } } });
    const summary = {
      recoveryMs,
      acked: acked.length,
      ackedBeforeKill,
      stored,
      statuses: Object.fromEntries(statuses),
      slowestMs: slowest,
      healthDuringOutage: [...new Set(healthDuringOutage)],
      supervisor: logLines.filter((l) => /PostgreSQL .*(killed|back|attempt)/.test(l)),
      samples,
    };
    console.log(`[embedded-crash] ${JSON.stringify(summary)}`);

    expect(recoveryMs).toBeLessThan(30_000);
    expect(stored).toBe(acked.length);
    // Only 201 and 503: no 500, no other failure.
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(samples.every((s) => s.includes('"code":"UNAVAILABLE"'))).toBe(true);
    // Each request fails fast (connect timeout 5 s) instead of hanging.
    expect(slowest).toBeLessThan(15_000);
    expect(healthDuringOutage).toContain(503);
    expect(summary.supervisor.some((l) => /was killed by SIGKILL/.test(l))).toBe(true);
    expect(summary.supervisor.some((l) => /is back on port/.test(l))).toBe(true);
  }, 150_000);
});
