import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { addDays, localDate } from "@/lib/time";

const LOCK = 7262020;
const HOUR = 3600_000;

/** Merges rollup shards of days before yesterday (one instance at a time). */
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

let scheduled = false;

export function scheduleRollupMaintenance() {
  if (scheduled || !process.env.DATABASE_URL) return;
  scheduled = true;
  const run = () =>
    compactRollups()
      .then((merged) => merged && log.info({ merged }, "rollup shards compacted"))
      .catch((err) => log.warn({ err }, "rollup compaction failed"));
  setTimeout(run, 30_000).unref();
  setInterval(run, HOUR).unref();
}
