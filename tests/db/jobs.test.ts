/**
 * Scheduled jobs run exactly once per period across instances: three schedulers, each
 * with its own connections and instance name (as three app instances would have), tick
 * every 50 ms over a job with a 1-second period whose body takes 300 ms and records who
 * ran which period. Every period that passed was run, and by exactly one of them. A run
 * that died (its lock gone, the row still "running") is repeated; a failed one retried.
 * Periods nobody ran (everything down) are caught up by one run on recovery.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { defineJob, periodStartOf, runJobIfDue, startScheduler, type Scheduler } from "@/lib/jobs/scheduler";
import { allJobs } from "@/lib/jobs/all-jobs";
import { accountPeriods } from "@/lib/jobs/periods";

const ran: { period: number; instance: string }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await db.$executeRaw`CREATE TABLE job_test_log (period timestamptz, instance text)`;
});
afterAll(async () => {
  await db.$executeRaw`DROP TABLE IF EXISTS job_test_log`;
});

describe("scheduler", () => {
  it("runs each period exactly once across three instances", async () => {
    const job = defineJob({
      name: "test.every-second",
      everyMs: 1_000,
      run: async ({ periodStart, instance }) => {
        ran.push({ period: periodStart.getTime(), instance });
        await db.$executeRaw`INSERT INTO job_test_log VALUES (${periodStart}, ${instance})`;
        await sleep(300);
        return { ok: true };
      },
    });
    const schedulers: Scheduler[] = ["a", "b", "c"].map((name) =>
      startScheduler({ jobs: [job], instance: `instance-${name}`, tickMs: 50 }),
    );
    // Tick all three by hand, concurrently, as fast as they can for ~5 periods.
    const t0 = Date.now();
    const firstPeriod = periodStartOf(job, new Date()).getTime();
    while (Date.now() - t0 < 5_500) await Promise.all(schedulers.map((s) => s.tick()));
    const lastPeriod = periodStartOf(job, new Date()).getTime();
    await Promise.all(schedulers.map((s) => s.stop()));

    const logged = await db.$queryRaw<{ period: Date; instance: string }[]>`SELECT * FROM job_test_log ORDER BY period`;
    const periods = logged.map((r) => r.period.getTime());
    // Once each…
    expect(new Set(periods).size).toBe(periods.length);
    // …and none skipped between the first and the last.
    for (let p = firstPeriod + 1_000; p < lastPeriod; p += 1_000) expect(periods).toContain(p);
    expect(periods.length).toBeGreaterThanOrEqual(4);
    const runs = await db.jobRun.findMany({ where: { job: job.name } });
    expect(runs.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
    expect(runs.length).toBe(periods.length);
    console.log(
      `[jobs] ${periods.length} periods, ran by ${JSON.stringify(Object.fromEntries(["a", "b", "c"].map((n) => [n, ran.filter((r) => r.instance === `instance-${n}`).length])))}`,
    );
  }, 60_000);

  it("repeats a period whose runner died, retries a failure (3 attempts at most)", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    let calls = 0;
    const flaky = defineJob({
      name: "test.flaky",
      everyMs: 3_600_000,
      run: async () => {
        calls++;
        throw new Error("not today");
      },
    });
    const now = new Date();
    try {
      // A runner that died mid-run left "running" behind, and no lock.
      await db.jobRun.create({
        data: { job: flaky.name, periodStart: periodStartOf(flaky, now), status: "running", instance: "dead" },
      });
      expect(await runJobIfDue(pool, flaky, { instance: "x", now })).toBe("failed");
      expect(await runJobIfDue(pool, flaky, { instance: "x", now })).toBe("failed");
      expect(await runJobIfDue(pool, flaky, { instance: "x", now })).toBe("done-already");
      expect(calls).toBe(2);
      const row = await db.jobRun.findFirstOrThrow({ where: { job: flaky.name } });
      expect(row).toMatchObject({ status: "failed", attempts: 3, error: "not today", instance: "x" });

      // While another session holds the job's lock, nobody else runs it.
      const ok = defineJob({ name: "test.locked", everyMs: 3_600_000, run: async () => calls++ });
      const holder = await pool.connect();
      await holder.query("SELECT pg_advisory_lock(7262030, hashtext('test.locked'))");
      const other = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
      expect(await runJobIfDue(other, ok, { instance: "y", now })).toBe("locked");
      await holder.query("SELECT pg_advisory_unlock(7262030, hashtext('test.locked'))");
      holder.release();
      expect(await runJobIfDue(other, ok, { instance: "y", now })).toBe("ran");
      expect(await runJobIfDue(other, ok, { instance: "y", now })).toBe("done-already");
      await other.end();
    } finally {
      await pool.end();
    }
  });

  it("catches up the periods nobody ran once, on recovery, by one instance; an interrupted run is closed", async () => {
    const calls: { periodStart: number; coversFrom: number; instance: string }[] = [];
    const job = defineJob({
      name: "test.catch-up",
      everyMs: 60_000,
      run: async ({ periodStart, coversFrom, instance }) => {
        calls.push({ periodStart: +periodStart, coversFrom: +coversFrom, instance });
        await sleep(200);
      },
    });
    const M = 60_000;
    const p0 = periodStartOf(job, new Date(Date.now() - 20 * M)).getTime();
    const at = (minute: number) => new Date(p0 + minute * M + 1_000);
    // Three instances, each with its own connections.
    const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));
    try {
      expect(await runJobIfDue(pools[0], job, { instance: "a", now: at(0) })).toBe("ran");
      expect(calls[0]).toMatchObject({ periodStart: p0, coversFrom: p0 });
      // Minute 2: a run died with its instance (the row says "running", nobody holds the lock).
      await db.jobRun.create({
        data: { job: job.name, periodStart: new Date(p0 + 2 * M), status: "running", instance: "dead" },
      });
      // Minutes 1–4: everything down. Minute 5: the three instances come back at once.
      const outcomes = await Promise.all(
        pools.map((pool, i) => runJobIfDue(pool, job, { instance: "abc"[i], now: at(5) })),
      );
      expect(outcomes.filter((o) => o === "ran")).toHaveLength(1);
      expect(outcomes.every((o) => ["ran", "locked", "done-already"].includes(o))).toBe(true);
      expect(calls).toHaveLength(2);
      expect(calls[1]).toMatchObject({ periodStart: p0 + 5 * M, coversFrom: p0 + M });
      // Asked again in the same period: nothing runs twice.
      for (const pool of pools)
        expect(await runJobIfDue(pool, job, { instance: "x", now: at(5) })).toBe("done-already");
      // Minute 6, no gap: covers only itself.
      expect(await runJobIfDue(pools[1], job, { instance: "b", now: at(6) })).toBe("ran");
      expect(calls[2]).toMatchObject({ periodStart: p0 + 6 * M, coversFrom: p0 + 6 * M });

      const rows = await db.jobRun.findMany({ where: { job: job.name }, orderBy: { periodStart: "asc" } });
      expect(rows.map((r) => [(+r.periodStart - p0) / M, r.status, r.coversFrom && (+r.coversFrom - p0) / M])).toEqual([
        [0, "done", null],
        [2, "failed", null],
        [5, "done", 1],
        [6, "done", null],
      ]);
      expect(rows[1].error).toMatch(/^interrupted \(covered by the run of /);
      expect(accountPeriods(rows, M)).toMatchObject({ periods: 7, run: 3, covered: 4, unaccounted: [], twice: [] });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it("the app's jobs have distinct names and run", async () => {
    expect(new Set(allJobs.map((j) => j.name)).size).toBe(allJobs.length);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      for (const job of allJobs) expect(await runJobIfDue(pool, job, { instance: "t" }), job.name).toBe("ran");
    } finally {
      await pool.end();
    }
  });
});
