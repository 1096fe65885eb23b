import "server-only";
/**
 * Reads that may come from a streaming replica (DATABASE_READ_URL): dashboards, reports,
 * exports and list pages import `readDb` instead of `db`. Each call goes to
 *  - the primary when no replica is configured, or the replica is down (a failed probe or
 *    connection), or this user wrote something the replica has not replayed yet
 *    (read-your-own-writes: after a write, safeAction and apiRoute set a cookie holding
 *    the primary's WAL position; see `rememberOwnWrite`);
 *  - the replica otherwise.
 * Writes always use `db` (lib/db.ts). `readDb` is for awaited reads and interactive
 * `$transaction(fn)`: every call returns a plain Promise (no batch `$transaction([...])`).
 */
import { cookies } from "next/headers";
import { db, type Db } from "@/lib/db";
import { createPrisma } from "@/lib/db-client";
import { dbFailureOf } from "@/lib/db-errors";
import { log } from "@/lib/log";

/** Cookie with the primary's WAL position after this browser's last write. */
export const OWN_WRITE_COOKIE = "trafficops_rw";
/** Lag above which pages say "figures as of …". */
export const LAG_NOTICE_MS = Number(process.env.REPLICA_LAG_NOTICE_MS ?? 5_000);

interface ReplicaState {
  up: boolean;
  /** WAL position the replica has replayed. */
  replayLsn: bigint;
  /** 0 when it has replayed everything the primary wrote. */
  lagMs: number;
  /** Commit time of the last transaction it replayed (when behind). */
  asOf: Date | null;
  checkedAt: number;
}

const g = globalThis as unknown as {
  trafficopsReadDb?: Db;
  trafficopsReplica?: { state: ReplicaState | null; inflight: Promise<ReplicaState> | null };
};

export function replicaConfigured(): boolean {
  return !!process.env.DATABASE_READ_URL;
}

function replica(): Db {
  g.trafficopsReadDb ??= createPrisma(process.env.DATABASE_READ_URL, {
    max: Number(process.env.DB_READ_POOL_MAX ?? process.env.DB_POOL_MAX ?? 10),
    // A replica connection that breaks sends reads to the primary at once.
    onConnectionError: (err) => {
      if (dbFailureOf(err) === "down") markReplicaDown();
    },
  });
  return g.trafficopsReadDb;
}

const replicaCache = () => (g.trafficopsReplica ??= { state: null, inflight: null });

function markReplicaDown() {
  const c = replicaCache();
  c.state = { up: false, replayLsn: 0n, lagMs: 0, asOf: null, checkedAt: Date.now() };
}

/** "16/B374D848" → bigint. */
export function parseLsn(lsn: string | null | undefined): bigint {
  if (!lsn) return 0n;
  const [hi, lo] = lsn.split("/");
  if (!lo || !/^[0-9A-Fa-f]+$/.test(hi) || !/^[0-9A-Fa-f]+$/.test(lo)) return 0n;
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** The replica's position and lag, checked at most once a second (one query to each server). */
export async function replicaState(): Promise<ReplicaState> {
  const c = replicaCache();
  if (c.state && Date.now() - c.state.checkedAt < 1_000) return c.state;
  c.inflight ??= (async (): Promise<ReplicaState> => {
    try {
      const [[r], [p]] = await Promise.all([
        replica().$queryRaw<{ lsn: string | null; ts: Date | null; standby: boolean }[]>`
          SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_last_xact_replay_timestamp() AS ts, pg_is_in_recovery() AS standby`,
        db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`,
      ]);
      const replayLsn = r.standby ? parseLsn(r.lsn) : parseLsn(p.lsn);
      const behind = replayLsn < parseLsn(p.lsn);
      return {
        up: true,
        replayLsn,
        lagMs: behind && r.ts ? Math.max(0, Date.now() - r.ts.getTime()) : 0,
        asOf: behind ? r.ts : null,
        checkedAt: Date.now(),
      };
    } catch (err) {
      if (c.state?.up !== false)
        log.warn({ err: (err as Error).message }, "read replica unavailable: reading from the primary");
      return { up: false, replayLsn: 0n, lagMs: 0, asOf: null, checkedAt: Date.now() };
    }
  })().then((s) => {
    c.state = s;
    c.inflight = null;
    return s;
  });
  return c.inflight;
}

async function ownWriteLsn(): Promise<bigint> {
  try {
    return parseLsn((await cookies()).get(OWN_WRITE_COOKIE)?.value);
  } catch {
    return 0n; // no request (scripts, tests)
  }
}

/** Where this request's reads go now. */
export async function readTarget(): Promise<"primary" | "replica"> {
  if (!replicaConfigured()) return "primary";
  const [state, own] = await Promise.all([replicaState(), ownWriteLsn()]);
  return state.up && state.replayLsn >= own ? "replica" : "primary";
}

async function client(): Promise<Db> {
  return (await readTarget()) === "replica" ? replica() : db;
}

/**
 * What to tell the reader about the figures: null when they are current, else the time
 * they are as of (the replica is more than LAG_NOTICE_MS behind and serves this request).
 */
export async function readLag(): Promise<{ asOf: Date; lagMs: number } | null> {
  if (!replicaConfigured() || (await readTarget()) !== "replica") return null;
  const s = await replicaState();
  return s.asOf && s.lagMs > LAG_NOTICE_MS ? { asOf: s.asOf, lagMs: s.lagMs } : null;
}

/**
 * The cookie value after a write of this browser (the primary's current WAL position), or
 * null without a replica. Set by safeAction and apiRoute after successful writes.
 */
export async function rememberOwnWrite(): Promise<string | null> {
  if (!replicaConfigured()) return null;
  const [row] = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`;
  return row.lsn;
}

const OWN_WRITE_MAX_AGE_S = 600;

/** A write in a server action: this browser reads from the primary until the replica has it. */
export async function noteOwnWrite(): Promise<void> {
  const lsn = await rememberOwnWrite();
  if (lsn)
    (await cookies()).set(OWN_WRITE_COOKIE, lsn, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: OWN_WRITE_MAX_AGE_S,
    });
}

/** The same for a route handler's response (cookie-authenticated writes). */
export async function ownWriteSetCookie(): Promise<string | null> {
  const lsn = await rememberOwnWrite();
  return lsn ? `${OWN_WRITE_COOKIE}=${lsn}; Path=/; Max-Age=${OWN_WRITE_MAX_AGE_S}; HttpOnly; SameSite=Lax` : null;
}

/** Calls `method` on the chosen client; a replica found down is retried on the primary. */
async function call(path: string[], args: unknown[]): Promise<unknown> {
  const target = await client();
  const invoke = (c: Db) => {
    let obj: unknown = c;
    for (const p of path.slice(0, -1)) obj = (obj as Record<string, unknown>)[p];
    return (obj as Record<string, (...a: unknown[]) => unknown>)[path[path.length - 1]](...args);
  };
  if (target === db) return invoke(db);
  try {
    return await invoke(target);
  } catch (err) {
    if (dbFailureOf(err) !== "down") throw err;
    markReplicaDown();
    log.warn({ err: (err as Error).message }, "read replica failed: retrying on the primary");
    return invoke(db);
  }
}

/** `db` for reads that may be served by the replica (see above). */
export const readDb: Db = new Proxy({} as Db, {
  get(_, prop: string) {
    if (prop === "then") return undefined;
    if (prop.startsWith("$")) return (...args: unknown[]) => call([prop], args);
    return new Proxy(
      {},
      {
        get(__, method: string) {
          if (method === "then") return undefined;
          return (...args: unknown[]) => call([prop, method], args);
        },
      },
    );
  },
});
