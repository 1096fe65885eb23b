import "server-only";
import { db } from "@/lib/db";
import { DAY_MS, defineJob, SHANGHAI_MIDNIGHT_OFFSET_MS } from "./scheduler";

/** job_runs older than 30 days are history nobody reads: dropped daily. */
export const pruneJobRunsJob = defineJob({
  name: "jobs.prune-runs",
  everyMs: DAY_MS,
  offsetMs: SHANGHAI_MIDNIGHT_OFFSET_MS,
  run: async () => ({
    deleted: await db.$executeRaw`DELETE FROM job_runs WHERE period_start < now() - interval '30 days'`,
  }),
});
