/**
 * The one place that decides "the database is unavailable": connection refused or
 * lost, the server starting up or in crash recovery, pool or statement timeouts. Route
 * handlers (errorResponse), server actions (safeAction), pages (requirePageUser and the
 * proxy's gate) and /api/health all ask `unavailableError(err)`, so such a failure is a
 * 503 `UNAVAILABLE` everywhere, never a 500.
 *
 * Two kinds: "down" (the server cannot be reached: the instance remembers it, see
 * `databaseDown()`, and the proxy answers page requests with 503 until a probe succeeds)
 * and "busy" (reachable but too slow: pool or statement timeout, too many connections —
 * 503 for this request only).
 *
 * No server-only import: lib/api/respond.ts and the proxy use it too.
 */
import { AppError } from "@/lib/errors";

export type DbFailure = "down" | "busy";

/** SQLSTATE classes/codes. 08: connection exception; 57P01–57P03: shutdown, crash, starting up. */
const DOWN_SQLSTATES = new Set(["57P01", "57P02", "57P03", "25006"]);
const BUSY_SQLSTATES = new Set(["53300", "53400", "57014"]);
/** Prisma: can't reach / timed out reaching / server closed the connection. */
const DOWN_PRISMA = new Set(["P1001", "P1002", "P1017"]);
/** Prisma: pool timeout; interactive transaction could not start or expired. */
const BUSY_PRISMA = new Set(["P2024", "P2028"]);
/** @prisma/adapter-pg's driver error kinds. */
const DOWN_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const BUSY_KINDS = new Set(["TooManyConnections"]);
const DOWN_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

const DOWN_MESSAGES = [
  /Can't reach database server/i,
  /Connection terminated/i,
  /Server has closed the connection/i,
  /Client has encountered a connection error and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to (administrator command|unexpected postmaster exit|crash of another server process)/i,
  /connect ECONNREFUSED/i,
];
const BUSY_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Timed out fetching a new connection from the connection pool/i,
  /Unable to start a transaction in the given time/i,
  /Transaction already closed/i,
  /canceling statement due to statement timeout/i,
  /sorry, too many clients already/i,
];

/** "down", "busy", or null when the error is not about the database being unavailable. */
export function dbFailureOf(err: unknown): DbFailure | null {
  const seen = new Set<unknown>();
  let busy = false;
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== "object" || seen.has(e) || depth > 6) return false;
    seen.add(e);
    if (e instanceof AppError) return false;
    const o = e as Record<string, unknown>;
    const code = typeof o.code === "string" ? o.code : undefined;
    const kind = typeof o.kind === "string" ? o.kind : undefined;
    const originalCode = typeof o.originalCode === "string" ? o.originalCode : undefined;
    for (const c of [code, originalCode]) {
      if (!c) continue;
      if (DOWN_SQLSTATES.has(c) || c.startsWith("08") || DOWN_PRISMA.has(c) || DOWN_ERRNO.has(c)) return true;
      if (BUSY_SQLSTATES.has(c) || BUSY_PRISMA.has(c)) busy = true;
    }
    if (kind && DOWN_KINDS.has(kind)) return true;
    if (kind && BUSY_KINDS.has(kind)) busy = true;
    if (kind === "postgres" && typeof o.code === "string") {
      if (DOWN_SQLSTATES.has(o.code) || o.code.startsWith("08")) return true;
      if (BUSY_SQLSTATES.has(o.code)) busy = true;
    }
    const message = typeof o.message === "string" ? o.message : "";
    if (DOWN_MESSAGES.some((r) => r.test(message))) return true;
    if (BUSY_MESSAGES.some((r) => r.test(message))) busy = true;
    const meta = o.meta as Record<string, unknown> | undefined;
    return (
      visit(o.cause, depth + 1) ||
      visit(meta?.driverAdapterError, depth + 1) ||
      (Array.isArray(o.errors) && o.errors.some((x) => visit(x, depth + 1)))
    );
  };
  if (visit(err, 0)) return "down";
  return busy ? "busy" : null;
}

// ---------------------------------------------------------------------------------
// What this instance last saw of the database (per process: a health view, not shared
// state). Marked down by failures, up again by the next successful probe or query.

interface DbHealthState {
  downSince: number | null;
  reason: string | null;
}
const g = globalThis as unknown as { trafficopsDbHealth?: DbHealthState };
const state = (g.trafficopsDbHealth ??= { downSince: null, reason: null });

export function markDatabaseDown(reason: string) {
  if (state.downSince === null) state.downSince = Date.now();
  state.reason = reason;
}

export function markDatabaseUp() {
  state.downSince = null;
  state.reason = null;
}

/** Since when this instance has seen the database unreachable (ms), or null. */
export function databaseDownSince(): number | null {
  return state.downSince;
}

/** Retry-After (s) sent with every 503 UNAVAILABLE. */
export const RETRY_AFTER_S = 5;

/**
 * The 503 for a database failure (and remembers a "down" one), or null for any other
 * error. The message is an i18n key: English in API bodies, the user's language in forms
 * and pages.
 */
export function unavailableError(err: unknown): AppError | null {
  if (err instanceof AppError) return err.code === "UNAVAILABLE" ? err : null;
  const kind = dbFailureOf(err);
  if (!kind) return null;
  if (kind === "down") markDatabaseDown(err instanceof Error ? err.message.trim().split("\n").pop()! : String(err));
  return new AppError("UNAVAILABLE", kind === "down" ? "errors.databaseDown" : "errors.databaseBusy");
}
