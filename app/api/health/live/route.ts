import { json } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/live — the process answers HTTP (no database check): what a load
 * balancer should test. An instance whose database is away still answers 503 UNAVAILABLE
 * quickly, which is better than the balancer's own "no server available".
 */
export function GET() {
  return json({ status: "ok" }, 200, { "cache-control": "no-store" });
}
