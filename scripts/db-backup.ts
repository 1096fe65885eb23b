/**
 * npm run db:backup [-- --out <dir>] — a backup an operator can restore.
 *
 * Embedded server (no DATABASE_URL): a physical base backup with its WAL, made through
 * PostgreSQL's low-level backup API with nothing but Node.js (scripts/lib/backup.ts says
 * why: the embedded package ships no pg_dump/pg_basebackup, and Debian's are older than
 * its server). Works while the app runs. Into .data/backups/<time>/ by default; restore
 * with npm run db:restore -- <dir>.
 *
 * External server (DATABASE_URL): pg_dump -Fc of the matching major version when it is
 * installed (/usr/lib/postgresql/<major>/bin); otherwise the commands to run are printed.
 * See docs/deployment.md.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { baseBackup } from "./lib/backup";
import { redactUrl, resolveDatabase, ROOT } from "./lib/database";

const log = (l: string) => console.log(`[db:backup] ${l}`);
const outArg = process.argv.indexOf("--out");
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(ROOT, ".data/backups", stamp));

if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const major = Number((await c.query<{ v: string }>("SHOW server_version_num")).rows[0].v) / 10000;
  await c.end();
  const pgDump = `/usr/lib/postgresql/${Math.floor(major)}/bin/pg_dump`;
  if (!fs.existsSync(pgDump)) {
    log(`no pg_dump ${Math.floor(major)} here (${pgDump}). On a machine with the server's client tools:`);
    log(`  pg_dump -Fc -f trafficops.dump "${redactUrl(url)}"            # logical, one database`);
    log(`  pg_basebackup -D backup -X stream -c fast -P -d "${redactUrl(url)}"   # physical, whole server`);
    process.exit(1);
  }
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, "trafficops.dump");
  const t0 = Date.now();
  execFileSync(pgDump, ["-Fc", "-f", file, url], { stdio: "inherit" });
  log(`${file}: ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  log(`restore: pg_restore --clean --if-exists -d <url> ${file}`);
  process.exit(0);
}

const db = await resolveDatabase(log);
const dataDir = path.join(ROOT, ".data/pg");
try {
  const u = new URL(db.url);
  u.pathname = "/postgres";
  const m = await baseBackup({ superuserUrl: u.toString(), dataDir, outDir: out, log });
  // The cluster's postgres password, so the restored copy can be started by the launcher.
  fs.copyFileSync(`${dataDir}.json`, path.join(out, "embedded.json"));
  fs.chmodSync(path.join(out, "embedded.json"), 0o600);
  log(
    `${out}: ${m.files} files, ${(m.bytes / 2 ** 20).toFixed(0)} MiB, PostgreSQL ${m.serverVersion}, in ${(m.ms / 1000).toFixed(1)} s`,
  );
  log(`restore: npm run db:restore -- ${path.relative(ROOT, out)}`);
} finally {
  await db.stop();
}
