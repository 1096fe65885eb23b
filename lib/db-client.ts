/**
 * Builds a Prisma client on node-postgres with explicit limits. Separate from lib/db.ts
 * (server-only singleton) so scripts and tests can build their own clients.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface PrismaOptions {
  max?: number;
  /** A pooled connection failed (e.g. the server went away while it was idle). */
  onConnectionError?: (err: Error) => void;
}

export function createPrisma(url: string | undefined, opts: PrismaOptions = {}) {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: opts.max ?? Number(process.env.DB_POOL_MAX ?? 10),
      // adapter-pg waits forever for a connection by default; fail fast instead.
      connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5_000),
      idleTimeoutMillis: 30_000,
      statement_timeout: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 30_000),
      idle_in_transaction_session_timeout: 60_000,
      application_name: "trafficops",
    },
    { onPoolError: opts.onConnectionError, onConnectionError: opts.onConnectionError },
  );
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecret: true }, apiToken: { tokenHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createPrisma>;
/** The client inside db.$transaction(async (tx) => ...). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
