/**
 * The Node.js half of instrumentation.ts (imported only when NEXT_RUNTIME is "nodejs", so
 * the Edge build never sees process.exit or the database code). Runs once per server
 * instance, before it serves requests:
 *  - refuses to serve with a configuration that breaks when several instances run
 *    (lib/cluster-config.ts);
 *  - rewrites the forwarded headers of every incoming request (TRUSTED_PROXIES, our own
 *    request ids: lib/request-meta.ts), so no client can name its own address;
 *  - starts the scheduler of the jobs that must run once per period across all instances
 *    (rollup compaction, position partitions, …: lib/jobs/all-jobs.ts).
 */
export async function registerNode() {
  // Imported in this order, one after the other: a refused configuration stops the
  // instance before anything connects to the database.
  const { clusterConfigError } = await import("@/lib/cluster-config");
  const problem = clusterConfigError();
  if (problem) {
    console.error(`[trafficops] ${problem}`);
    process.exit(1);
  }
  const { installForwardedHeaders } = await import("@/lib/request-meta");
  await installForwardedHeaders();
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  const { allJobs } = await import("@/lib/jobs/all-jobs");
  if (process.env.DATABASE_URL) startScheduler({ jobs: allJobs });
}
