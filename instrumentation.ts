/**
 * Runs once per server instance, before it serves requests:
 *  - rewrites the forwarded headers of every incoming request (TRUSTED_PROXIES, our own
 *    request ids: lib/request-meta.ts), so no client can name its own address;
 *  - schedules the hourly rollup maintenance (merging the write shards of finished days,
 *    see the stats migration). Several instances may run it; an advisory lock lets one do
 *    the work.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installForwardedHeaders } = await import("@/lib/request-meta");
  await installForwardedHeaders();
  const { scheduleRollupMaintenance } = await import("@/lib/stats/maintenance");
  scheduleRollupMaintenance();
}
