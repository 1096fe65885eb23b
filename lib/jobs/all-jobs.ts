import "server-only";
/**
 * Every scheduled job of the app, started on each instance by instrumentation.ts and run
 * once per period across all of them (lib/jobs/scheduler.ts). Add yours here.
 */
import { positionPartitionsJob } from "@/lib/duty/position-partitions";
import { compactRollupsJob } from "@/lib/stats/maintenance";
import { pruneJobRunsJob } from "./prune";
import type { JobDefinition } from "./scheduler";

export const allJobs: JobDefinition[] = [compactRollupsJob, positionPartitionsJob, pruneJobRunsJob];
