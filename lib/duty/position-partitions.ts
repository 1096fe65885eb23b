import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

/** Days of position history kept (POSITION_RETENTION_DAYS, default 90). */
export const retentionDays = () => Math.max(2, Number(process.env.POSITION_RETENTION_DAYS ?? 90) || 90);

let lastRun = 0;
let running: Promise<void> | null = null;

/**
 * Keeps the daily partitions of `positions` ahead of time (yesterday to the day after
 * tomorrow) and drops the ones past retention. Runs at most once an hour per app
 * instance, outside the reporting transaction (it is DDL); the SQL functions serialise
 * instances with an advisory lock. Rows for a day without a partition are never lost:
 * they wait in the default partition and move when the day's partition is made.
 */
export async function maintainPositionPartitions(force = false): Promise<void> {
  if (!force && Date.now() - lastRun < 3600_000) return;
  running ??= (async () => {
    try {
      await db.$queryRaw`SELECT ensure_position_partitions(((now() AT TIME ZONE 'Asia/Shanghai')::date - 1), 4)`;
      const [r] = await db.$queryRaw<
        { dropped: number }[]
      >`SELECT drop_position_partitions(${retentionDays()}::int) AS dropped`;
      if (r.dropped) log.info({ dropped: r.dropped, retentionDays: retentionDays() }, "position partitions dropped");
      lastRun = Date.now();
    } catch (err) {
      log.warn({ err }, "position partition maintenance failed");
    } finally {
      running = null;
    }
  })();
  return running;
}
