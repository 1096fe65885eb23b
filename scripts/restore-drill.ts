/**
 * npm run db:restore-drill — proves a backup restores: takes a base backup of the
 * embedded database (as npm run db:backup does), restores it into a fresh server on its
 * own data directory and port, and checks the copy against the source:
 *   - the exact row count of every table;
 *   - rollups against the raw facts (rebuild_rollups() in a rolled-back transaction);
 *   - the audit log: rows, last id and a digest of every row, and that it still refuses
 *     changes (append-only trigger).
 * Run it on a quiet database (the counts are compared with the source's before the
 * backup). Prints the times; exit 1 when a check fails. --keep keeps the backup.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { auditIsAppendOnly, baseBackup, databaseFacts, materialize, rollupDifferences } from "./lib/backup";
import { resolveDatabase, ROOT } from "./lib/database";
import { freePort, readEmbeddedState, startEmbeddedPostgres, writeEmbeddedState } from "./lib/embedded-postgres";

const log = (l: string) => console.log(`[restore-drill] ${l}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const source = await resolveDatabase(log);
const sourceDir = path.join(ROOT, ".data/pg");
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const backupDir = path.join(ROOT, ".data/backups", `drill-${stamp}`);
const drillDir = path.join(ROOT, ".data/restore-drill", stamp);
const times: Record<string, number> = {};
let failed = false;
const check = (name: string, ok: boolean, detail: string) => {
  if (!ok) failed = true;
  log(`${ok ? "PASS" : "FAIL"} ${name}: ${detail}`);
};

try {
  const src = new pg.Client({ connectionString: source.url });
  await src.connect();
  let t = Date.now();
  const before = await databaseFacts(src);
  times.sourceFacts = Date.now() - t;
  await src.end();
  const rows = Object.values(before.counts).reduce((a, b) => a + b, 0);
  log(
    `source: ${Object.keys(before.counts).length} tables, ${rows.toLocaleString("en")} rows, ${before.audit.rows} audit rows`,
  );

  const superuser = new URL(source.url);
  superuser.pathname = "/postgres";
  t = Date.now();
  const m = await baseBackup({ superuserUrl: superuser.toString(), dataDir: sourceDir, outDir: backupDir, log });
  times.backup = Date.now() - t;

  t = Date.now();
  fs.mkdirSync(path.dirname(drillDir), { recursive: true });
  materialize(backupDir, drillDir);
  const port = await freePort(Number(process.env.DRILL_PG_PORT ?? 55510));
  writeEmbeddedState(drillDir, { ...readEmbeddedState(sourceDir)!, port });
  times.copy = Date.now() - t;
  t = Date.now();
  const restored = await startEmbeddedPostgres({
    dataDir: drillDir,
    database: "trafficops",
    port,
    ephemeral: true,
    log,
  });
  times.recovery = Date.now() - t;
  try {
    const c = new pg.Client({ connectionString: restored.url });
    await c.connect();
    t = Date.now();
    const after = await databaseFacts(c);
    const differing = Object.keys(before.counts).filter((k) => before.counts[k] !== after.counts[k]);
    check(
      "row counts",
      differing.length === 0 && Object.keys(after.counts).length === Object.keys(before.counts).length,
      differing.length
        ? differing.map((k) => `${k}: ${before.counts[k]} → ${after.counts[k]}`).join(", ")
        : `${Object.keys(after.counts).length} tables, ${rows.toLocaleString("en")} rows, all equal`,
    );
    check(
      "audit log",
      JSON.stringify(before.audit) === JSON.stringify(after.audit),
      `${after.audit.rows} rows, last id ${after.audit.lastId}, digest ${after.audit.md5 === before.audit.md5 ? "equal" : "DIFFERENT"}`,
    );
    check("audit log append-only", await auditIsAppendOnly(c), "an UPDATE is refused");
    const diff = await rollupDifferences(c);
    check(
      "rollups = raw facts",
      Object.values(diff).every((n) => n === 0),
      Object.entries(diff)
        .map(([k, n]) => `${k}: ${n} differing (unit, day) rows`)
        .join(", "),
    );
    times.verify = Date.now() - t;
    await c.end();
  } finally {
    await restored.stop();
  }
  log(
    `times: backup ${secs(times.backup)} (${m.files} files, ${(m.bytes / 2 ** 20).toFixed(0)} MiB), copy ${secs(times.copy)}, start with WAL replay ${secs(times.recovery)}, checks ${secs(times.verify ?? 0)}`,
  );
} finally {
  await source.stop();
  fs.rmSync(drillDir, { recursive: true, force: true });
  fs.rmSync(`${drillDir}.json`, { force: true });
  if (!process.argv.includes("--keep")) fs.rmSync(backupDir, { recursive: true, force: true });
  else log(`backup kept in ${path.relative(ROOT, backupDir)}`);
}
log(failed ? "DRILL FAILED" : "drill passed");
process.exit(failed ? 1 : 0);
