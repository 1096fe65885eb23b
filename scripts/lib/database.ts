/**
 * The database for a script or the app: DATABASE_URL when set (used unchanged),
 * otherwise the embedded PostgreSQL under .data/pg.
 */
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function resolveDatabase(
  log: (l: string) => void = console.log,
  opts: { supervise?: boolean } = {},
): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, startedHere: false, stop: async () => {} };
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data/pg"),
    database: "trafficops",
    port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
    supervise: opts.supervise,
    log,
  });
  process.env.DATABASE_URL = db.url;
  return db;
}

export function redactUrl(url: string): string {
  return url.replace(/:\/\/([^:]+):[^@]*@/, "://$1:***@");
}
