import "server-only";
import pg from "pg";

const g = globalThis as unknown as { trafficopsPgPool?: pg.Pool };

/**
 * A plain node-postgres pool for what Prisma does not do: COPY for bulk imports and
 * exports. Same limits as the Prisma pool.
 */
export function pgPool(): pg.Pool {
  g.trafficopsPgPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_BULK_POOL_MAX ?? 4),
    connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5_000),
    statement_timeout: Number(process.env.DB_BULK_STATEMENT_TIMEOUT_MS ?? 300_000),
    idle_in_transaction_session_timeout: 300_000,
    application_name: "trafficops-bulk",
  });
  return g.trafficopsPgPool;
}
