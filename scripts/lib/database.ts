/**
 * The database for a script or the app: DATABASE_OWNER_URL or DATABASE_URL when set (used
 * unchanged), otherwise the embedded PostgreSQL under .data/pg. `url` is the owner's (the
 * app's own role is prepared by scripts/lib/app-role.ts).
 */
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function resolveDatabase(
  log: (l: string) => void = console.log,
  opts: { supervise?: boolean } = {},
): Promise<EmbeddedDatabase & { embedded: boolean }> {
  const external = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (external) return { url: external, startedHere: false, stop: async () => {}, embedded: false };
  const db = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data/pg"),
    database: "trafficops",
    port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
    supervise: opts.supervise,
    log,
  });
  process.env.DATABASE_URL = db.url;
  return { ...db, embedded: true };
}

export function redactUrl(url: string): string {
  return url.replace(/:\/\/([^:]+):[^@]*@/, "://$1:***@");
}
