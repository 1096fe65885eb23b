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

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/** Calls `fn` with the target as `this` (a proxy must not become the adapter's `this`). */
function bound<T extends object>(target: T, prop: string | symbol) {
  const v = Reflect.get(target, prop, target);
  return typeof v === "function" ? v.bind(target) : v;
}

/**
 * A transaction whose queries run one after another. Prisma's query interpreter loads an
 * include's relations with Promise.all, and inside an interactive transaction they all go to
 * the transaction's single pg client at once: pg queues them, warns "Calling client.query()
 * when the client is already executing a query" (pg 9 makes it an error; prisma/orm#29468,
 * still open in 7.10). Queued here instead, so the client only ever has one query.
 */
export function oneQueryAtATime<T extends Pick<PgTransaction, "queryRaw" | "executeRaw">>(tx: T): T {
  let last: Promise<unknown> = Promise.resolve();
  const queued =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> => {
      const run = last.then(() => fn(...a));
      last = run.catch(() => {});
      return run;
    };
  const queryRaw = queued(tx.queryRaw.bind(tx));
  const executeRaw = queued(tx.executeRaw.bind(tx));
  return new Proxy(tx, {
    get: (target, prop) => (prop === "queryRaw" ? queryRaw : prop === "executeRaw" ? executeRaw : bound(target, prop)),
  });
}

/** PrismaPg whose interactive transactions issue one query at a time (see oneQueryAtATime). */
class SerialTxPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    return new Proxy(adapter, {
      get: (target, prop) =>
        prop === "startTransaction"
          ? async (...a: Parameters<PgAdapter["startTransaction"]>) =>
              oneQueryAtATime(await target.startTransaction(...a))
          : bound(target, prop),
    });
  }
}

export function createPrisma(url: string | undefined, opts: PrismaOptions = {}) {
  const adapter = new SerialTxPg(
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
    // How long a transaction may wait for a connection (DB_TX_MAX_WAIT_MS) before it fails.
    transactionOptions: { maxWait: Number(process.env.DB_TX_MAX_WAIT_MS ?? 5_000), timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createPrisma>;
/** The client inside db.$transaction(async (tx) => ...). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
