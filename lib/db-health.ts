import "server-only";
import pg from "pg";
import { databaseDownSince, dbFailureOf, markDatabaseDown, markDatabaseUp } from "@/lib/db-errors";

const g = globalThis as unknown as {
  trafficopsProbe?: { pool: pg.Pool; inflight: Promise<boolean> | null; at: number; ok: boolean };
};

function probeState() {
  if (g.trafficopsProbe) return g.trafficopsProbe;
  // Its own single connection, so a busy main pool does not make a healthy database look down.
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 1,
    connectionTimeoutMillis: 2_000,
    statement_timeout: 2_000,
    query_timeout: 2_500,
    idleTimeoutMillis: 10_000,
    application_name: "trafficops-probe",
  });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  g.trafficopsProbe = { pool, inflight: null, at: 0, ok: true };
  return g.trafficopsProbe;
}

/**
 * Whether the database answers `SELECT 1` (at most one probe in flight, reused for
 * `maxAgeMs`). Updates what this instance believes (`databaseDownSince`).
 */
export function probeDatabase(maxAgeMs = 1_000): Promise<boolean> {
  const s = probeState();
  if (s.inflight) return s.inflight;
  if (Date.now() - s.at < maxAgeMs) return Promise.resolve(s.ok);
  s.inflight = s.pool
    .query("SELECT 1")
    .then(
      () => {
        markDatabaseUp();
        return true;
      },
      (err: unknown) => {
        // Anything but "busy" counts as down here: the probe is a trivial query.
        if (dbFailureOf(err) !== "busy") markDatabaseDown(err instanceof Error ? err.message : String(err));
        return false;
      },
    )
    .then((ok) => {
      s.ok = ok;
      s.at = Date.now();
      s.inflight = null;
      return ok;
    });
  return s.inflight;
}

/**
 * For page requests: false when this instance has seen the database down and a fresh
 * probe still fails (the proxy then answers 503 without rendering). Costs nothing while
 * the database is up.
 */
export async function databaseAvailableForPages(): Promise<boolean> {
  if (databaseDownSince() === null) return true;
  return probeDatabase(1_000);
}
