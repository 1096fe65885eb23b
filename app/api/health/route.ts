import { json } from "@/lib/api/respond";
import { databaseDownSince } from "@/lib/db-errors";
import { probeDatabase } from "@/lib/db-health";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability, for monitoring. No session needed. 503 while the
 * database does not answer (e.g. the embedded server is being restarted by the launcher).
 * Load balancers should check /api/health/live instead.
 */
export async function GET() {
  const ok = await probeDatabase(0);
  const headers = { "cache-control": "no-store" };
  if (ok) return json({ status: "ok", db: "ok" }, 200, headers);
  const since = databaseDownSince();
  return json(
    { status: "degraded", db: "unreachable", since: since ? new Date(since).toISOString() : undefined },
    503,
    { ...headers, "retry-after": "5" },
  );
}
