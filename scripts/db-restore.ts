/**
 * npm run db:restore -- <backup dir> — replaces the embedded server's data (.data/pg) with
 * a backup made by npm run db:backup. The app must be stopped (the launcher would restart
 * the server under our feet). The current data is kept aside, never deleted:
 * .data/pg.before-restore-<time>. PostgreSQL replays the backup's WAL when it starts.
 * For an external server (DATABASE_URL) the commands are printed (docs/deployment.md).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { materialize, readManifest } from "./lib/backup";
import { ROOT } from "./lib/database";
import { runningPort, startEmbeddedPostgres, writeEmbeddedState } from "./lib/embedded-postgres";

const log = (l: string) => console.log(`[db:restore] ${l}`);
const from = process.argv[2] && !process.argv[2].startsWith("--") ? path.resolve(process.argv[2]) : null;

if (process.env.DATABASE_URL) {
  log("DATABASE_URL is set: restore an external server with its own tools, e.g.");
  log("  pg_restore --clean --if-exists -d <url> trafficops.dump      # from npm run db:backup / pg_dump -Fc");
  log("  or stop the server, replace its data directory with a pg_basebackup copy, start it");
  process.exit(1);
}
if (!from) {
  log("usage: npm run db:restore -- <backup dir>   (e.g. .data/backups/20261204-081500)");
  process.exit(1);
}
const manifest = readManifest(from);
const dataDir = path.join(ROOT, ".data/pg");
if (runningPort(dataDir)) {
  log("the embedded PostgreSQL is running: stop the app (npm start / npm run dev) first");
  process.exit(1);
}
const t0 = Date.now();
const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}`;
if (fs.existsSync(dataDir)) {
  fs.renameSync(dataDir, aside);
  if (fs.existsSync(`${dataDir}.json`)) fs.renameSync(`${dataDir}.json`, `${aside}.json`);
  log(`current data kept in ${path.relative(ROOT, aside)}`);
}
materialize(from, dataDir);
writeEmbeddedState(dataDir, JSON.parse(fs.readFileSync(path.join(from, "embedded.json"), "utf8")));
log(
  `copied ${manifest.files} files (${(manifest.bytes / 2 ** 20).toFixed(0)} MiB) of the backup of ${manifest.createdAt}`,
);
const server = await startEmbeddedPostgres({ dataDir, database: "trafficops", log });
try {
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  const { rows } = await c.query<{ audit: string; units: string }>(
    "SELECT (SELECT count(*) FROM audit_logs) AS audit, (SELECT count(*) FROM units) AS units",
  );
  await c.end();
  log(`restored in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${rows[0].units} units, ${rows[0].audit} audit rows`);
} finally {
  await server.stop();
}
