import "server-only";
import { createPrisma, type Db } from "@/lib/db-client";

export type { Db, Tx } from "@/lib/db-client";

const globalForDb = globalThis as unknown as { trafficopsDb?: Db };

/** The one Prisma client of this process (cached across hot reloads in development). */
export const db: Db = globalForDb.trafficopsDb ?? createPrisma(process.env.DATABASE_URL);
globalForDb.trafficopsDb = db;
