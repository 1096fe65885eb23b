import "server-only";
/**
 * Scheduled work that must run once per period however many app instances run: each
 * instance ticks (every 30 s), and for each job whose current period has no finished run
 * it takes the job's PostgreSQL advisory lock (session-level, on its own connection), so
 * only one instance works on a job at a time, then checks `job_runs` and runs the period
 * if nobody has. A crash releases the lock with the session; the next tick anywhere
 * reruns a period left "running" or "failed" (at most 3 attempts).
 *
 *   // lib/<domain>/jobs.ts
 *   export const overdueIncidents = defineJob({
 *     name: "incidents.overdue", everyMs: 60_000,
 *     run: async ({ periodStart }) => ({ flagged: await flagOverdue(periodStart) }),
 *   });
 *   // then add it to lib/jobs/all-jobs.ts
 *
 * A job's body must be idempotent for its period (a crashed run is repeated) and should
 * return a small JSON summary (stored in job_runs.result).
 *
 * Periods nobody could run (every instance down, or the database) are not run one by one
 * afterwards: the first run after the gap stands for them (`coversFrom` in its context and
 * `job_runs.covers_from`: the start of the earliest missed period), and a run left
 * unfinished in a past period is marked failed ("interrupted") then. So every period is run
 * or covered by exactly one later run; a job whose work depends on the period reads from
 * `coversFrom`.
 */
import os from "node:os";
import pg from "pg";
import { dbFailureOf } from "@/lib/db-errors";
import { guardPool } from "@/lib/db-pool";
import { log } from "@/lib/log";

export interface JobContext {
  /** Start of the period being run. */
  periodStart: Date;
  /**
   * Start of the earliest period this run stands for: `periodStart`, or earlier when the
   * periods before it were missed (nothing ran them: instances or database down).
   */
  coversFrom: Date;
  /** The instance running it. */
  instance: string;
}

export interface JobDefinition {
  /** Unique, dotted: "<domain>.<what>". */
  name: string;
  /** Length of a period (ms): the job runs once in each. */
  everyMs: number;
  /** Periods start at multiples of everyMs after the Unix epoch plus this (e.g. −8 h: local midnight in China). */
  offsetMs?: number;
  run: (ctx: JobContext) => Promise<unknown>;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Periods of `everyMs: DAY_MS` start at midnight in Asia/Shanghai with this offset. */
export const SHANGHAI_MIDNIGHT_OFFSET_MS = -8 * HOUR_MS;
const LOCK_NAMESPACE = 7262030;
const MAX_ATTEMPTS = 3;

export function defineJob(def: JobDefinition): JobDefinition {
  if (!/^[a-z][\w-]*(\.[\w-]+)+$/.test(def.name)) throw new Error(`job name "${def.name}" must be "<domain>.<what>"`);
  return def;
}

/** This instance's name in job_runs: INSTANCE_ID, or host:pid. */
export function instanceId(): string {
  return process.env.INSTANCE_ID || `${os.hostname()}:${process.pid}`;
}

/** A job's period length and offset (JOBS_EVERY_MS shortens every period: tests of the scheduler only). */
function periodOf(job: JobDefinition): { every: number; offset: number } {
  const override = Number(process.env.JOBS_EVERY_MS);
  return override > 0 ? { every: override, offset: 0 } : { every: job.everyMs, offset: job.offsetMs ?? 0 };
}

export function periodStartOf(job: JobDefinition, now: Date): Date {
  const { every, offset } = periodOf(job);
  return new Date(Math.floor((now.getTime() - offset) / every) * every + offset);
}

export type RunOutcome = "ran" | "failed" | "done-already" | "locked";

/** Runs `job`'s current period if it is due and no other instance is on it. */
export async function runJobIfDue(
  pool: pg.Pool,
  job: JobDefinition,
  opts: { instance: string; now?: Date },
): Promise<RunOutcome> {
  const periodStart = periodStartOf(job, opts.now ?? new Date());
  const client = await pool.connect();
  let broken = false;
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
      LOCK_NAMESPACE,
      job.name,
    ]);
    if (!lock[0].ok) return "locked";
    try {
      const { rows } = await client.query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM job_runs WHERE job = $1 AND period_start = $2",
        [job.name, periodStart],
      );
      const prev = rows[0];
      // "running" with the lock free: the instance that ran it died; run it again.
      if (prev && (prev.status === "done" || prev.attempts >= MAX_ATTEMPTS)) return "done-already";
      // Periods since the last finished run that nobody ran: this run stands for them
      // (once, now); their runs left unfinished are over. The first run of a job covers
      // only its own period.
      const { rows: last } = await client.query<{ done: Date | null }>(
        "SELECT max(period_start) AS done FROM job_runs WHERE job = $1 AND period_start < $2 AND status = 'done'",
        [job.name, periodStart],
      );
      const missedFrom = last[0].done ? new Date(last[0].done.getTime() + periodOf(job).every) : null;
      const coversFrom = missedFrom && missedFrom < periodStart ? missedFrom : null;
      if (coversFrom)
        await client.query(
          `UPDATE job_runs SET status = 'failed', finished_at = coalesce(finished_at, now()),
                  error = coalesce(error, 'interrupted') || ' (covered by the run of ' || $3 || ')'
            WHERE job = $1 AND period_start >= $2 AND period_start < $4 AND status = 'running'`,
          [job.name, coversFrom, periodStart.toISOString(), periodStart],
        );
      await client.query(
        `INSERT INTO job_runs (job, period_start, status, instance, attempts, started_at, covers_from)
         VALUES ($1, $2, 'running', $3, 1, now(), $4)
         ON CONFLICT (job, period_start) DO UPDATE
           SET status = 'running', instance = EXCLUDED.instance, attempts = job_runs.attempts + 1,
               started_at = now(), finished_at = NULL, error = NULL, covers_from = EXCLUDED.covers_from`,
        [job.name, periodStart, opts.instance, coversFrom],
      );
      const t0 = Date.now();
      try {
        const result = await job.run({ periodStart, coversFrom: coversFrom ?? periodStart, instance: opts.instance });
        await client.query(
          "UPDATE job_runs SET status = 'done', finished_at = now(), result = $3 WHERE job = $1 AND period_start = $2",
          [job.name, periodStart, JSON.stringify(result ?? null)],
        );
        log.info({ job: job.name, periodStart, coversFrom, ms: Date.now() - t0, result }, "scheduled job done");
        return "ran";
      } catch (err) {
        log.warn({ err, job: job.name, periodStart }, "scheduled job failed");
        await client.query(
          "UPDATE job_runs SET status = 'failed', finished_at = now(), error = $3 WHERE job = $1 AND period_start = $2",
          [job.name, periodStart, err instanceof Error ? err.message : String(err)],
        );
        return "failed";
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, job.name]);
    }
  } catch (err) {
    broken = true;
    throw err;
  } finally {
    // A connection that failed is dropped, not returned to the pool.
    client.release(broken);
  }
}

export interface Scheduler {
  /** One pass over every job (what each tick does). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts ticking on this instance (from instrumentation.ts). Ticks every JOBS_TICK_MS
 * (30 s), the first a few seconds after start; errors are logged, never thrown.
 */
export function startScheduler(opts: {
  jobs: JobDefinition[];
  databaseUrl?: string;
  instance?: string;
  tickMs?: number;
}): Scheduler {
  const names = new Set<string>();
  for (const j of opts.jobs) {
    if (names.has(j.name)) throw new Error(`two scheduled jobs are named ${j.name}`);
    names.add(j.name);
  }
  const instance = opts.instance ?? instanceId();
  const tickMs = opts.tickMs ?? (Number(process.env.JOBS_TICK_MS) || 30_000);
  const pool = guardPool(
    new pg.Pool({
      connectionString: opts.databaseUrl ?? process.env.DATABASE_URL,
      max: 2,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 60_000,
      application_name: "trafficops-jobs",
    }),
  );
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () =>
    (running ??= (async () => {
      for (const job of opts.jobs) {
        if (stopped) break;
        try {
          await runJobIfDue(pool, job, { instance });
        } catch (err) {
          // The database being away is expected now and then; say it once per tick.
          if (dbFailureOf(err)) {
            log.warn({ job: job.name, err: (err as Error).message }, "scheduled jobs skipped: database unavailable");
            break;
          }
          log.error({ err, job: job.name }, "scheduled job check failed");
        }
      }
    })().finally(() => {
      running = null;
    }));
  // Spread the instances' ticks so they do not all knock at once.
  const first = setTimeout(
    () => {
      void tick();
      timer = setInterval(() => void tick(), tickMs);
      timer.unref();
    },
    Math.min(5_000, tickMs) + Math.random() * Math.min(tickMs, 5_000),
  );
  first.unref();
  let timer: NodeJS.Timeout | undefined;
  log.info({ instance, jobs: [...names], tickMs }, "scheduler started");
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      if (timer) clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
