import "server-only";
import { createPrisma, type Db } from "@/lib/db-client";
import { unavailableError } from "@/lib/db-errors";

export type { Db, Tx } from "@/lib/db-client";

const globalForDb = globalThis as unknown as { trafficopsDb?: Db };

/** The one Prisma client of this process (cached across hot reloads in development). */
export const db: Db =
  globalForDb.trafficopsDb ??
  createPrisma(process.env.DATABASE_URL, {
    // A connection lost while idle (server restarted or killed) marks the database down at
    // once (lib/db-errors.ts); the next successful probe marks it up.
    onConnectionError: (err) => void unavailableError(err),
  });
globalForDb.trafficopsDb = db;
