/**
 * Runs once per server instance. Schedules the hourly rollup maintenance (merging the
 * write shards of finished days, see the stats migration). Several instances may run
 * it; an advisory lock lets one do the work.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { scheduleRollupMaintenance } = await import("@/lib/stats/maintenance");
  scheduleRollupMaintenance();
}
