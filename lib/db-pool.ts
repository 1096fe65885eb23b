import "server-only";
import pg from "pg";
import { unavailableError } from "@/lib/db-errors";

const g = globalThis as unknown as { trafficopsPgPool?: pg.Pool };

/**
 * A plain node-postgres pool for what Prisma does not do: COPY for bulk imports and
 * exports. Same limits as the Prisma pool.
 */
export function pgPool(): pg.Pool {
  if (!g.trafficopsPgPool) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.DB_BULK_POOL_MAX ?? 4),
      connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5_000),
      statement_timeout: Number(process.env.DB_BULK_STATEMENT_TIMEOUT_MS ?? 300_000),
      idle_in_transaction_session_timeout: 300_000,
      application_name: "trafficops-bulk",
    });
    guardPool(pool);
    g.trafficopsPgPool = pool;
  }
  return g.trafficopsPgPool;
}

/**
 * node-postgres emits "error" on a connection the server drops (restart, kill), idle or
 * checked out; with no listener that event would crash the process. The failure still
 * reaches whoever uses the connection (its next query fails); here it only marks the
 * database down.
 */
export function guardPool(pool: pg.Pool): pg.Pool {
  const onError = (err: Error) => void unavailableError(err);
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  return pool;
}
