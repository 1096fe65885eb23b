import "server-only";
import { db } from "@/lib/db";
import { defineJob, HOUR_MS } from "@/lib/jobs/scheduler";
import { addDays, localDate } from "@/lib/time";

const LOCK = 7262020;

/** Merges rollup shards of days before yesterday (one caller at a time). */
export async function compactRollups(): Promise<number> {
  const before = addDays(localDate(new Date()), -1);
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`;
      if (!locked) return 0;
      const [{ merged }] = await tx.$queryRaw<{ merged: number }[]>`SELECT compact_rollups(${before}::date) AS merged`;
      return merged;
    },
    { timeout: 600_000 },
  );
}

/** Hourly, once across all app instances (lib/jobs/scheduler.ts). */
export const compactRollupsJob = defineJob({
  name: "stats.compact-rollups",
  everyMs: HOUR_MS,
  run: async () => ({ merged: await compactRollups() }),
});
