import "server-only";
import { db } from "@/lib/db";
import { defineJob, HOUR_MS } from "@/lib/jobs/scheduler";
import { log } from "@/lib/log";

/** Days of position history kept (POSITION_RETENTION_DAYS, default 90). */
export const retentionDays = () => Math.max(2, Number(process.env.POSITION_RETENTION_DAYS ?? 90) || 90);

/**
 * Keeps the daily partitions of `positions` ahead of time (yesterday to the day after
 * tomorrow) and drops the ones past retention. Runs as an hourly scheduled job (once
 * across all app instances), outside any reporting transaction (it is DDL). Rows for a
 * day without a partition are never lost: they wait in the default partition and move
 * when the day's partition is made.
 */
export async function maintainPositionPartitions(): Promise<{ made: number; dropped: number }> {
  const [m] = await db.$queryRaw<
    { made: number }[]
  >`SELECT ensure_position_partitions(((now() AT TIME ZONE 'Asia/Shanghai')::date - 1), 4) AS made`;
  const [r] = await db.$queryRaw<
    { dropped: number }[]
  >`SELECT drop_position_partitions(${retentionDays()}::int) AS dropped`;
  if (r.dropped) log.info({ dropped: r.dropped, retentionDays: retentionDays() }, "position partitions dropped");
  return { made: m.made, dropped: r.dropped };
}

export const positionPartitionsJob = defineJob({
  name: "duty.position-partitions",
  everyMs: HOUR_MS,
  run: maintainPositionPartitions,
});
