/**
 * npm run bench:import [-- --rows 1000000 --batch 20000]
 *
 * Generates N synthetic violations as CSV, then on a throwaway embedded PostgreSQL (same
 * settings as the app's: durable, fsync on) measures in one run:
 *   1. plain COPY of the file into a scratch table with the same columns (no indexes, no
 *      checks): the fastest the server can take these rows — the baseline;
 *   2. our import of the same file (lib/violations/import-violations.ts: parse, validate
 *      each row, place it, look its reference up, COPY each batch into violations with its
 *      indexes, constraints, foreign keys and rollup trigger, one audit row per batch);
 *   3. the plain COPY again (the machine is shared; two baselines show the noise);
 *   4. a plain COPY of the rows the import wrote into a copy of the violations table (same
 *      indexes, checks, foreign keys), 5. into its columns with only the two keys idempotency
 *      needs (primary key, unique (unit_id, external_ref)), and 6. into its columns alone: what
 *      the database needs to store these rows in this table, with the least any idempotent
 *      importer must keep, and in this row layout at all (the ceiling).
 * Prints rows/s of each and the ratios; the target (issue 14): import / COPY into the
 * violations-shaped copy ≥ 0.75.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrations";
import { CSV_COLUMNS, writeViolationCsv } from "./lib/violation-rows";

const argVal = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(argVal("rows") ?? 1_000_000);
const BATCH = argVal("batch") ? Number(argVal("batch")) : undefined; // the product's default
const log = (l: string) => console.log(`[bench:import] ${l}`);

// Under the project (like the test clusters): initdb, run as the postgres user when we are
// root, cannot enter a private mkdtemp directory.
const dir = path.join(import.meta.dirname, "../tests/.artifacts", `bench-import-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, "violations.csv");
log(`generating ${ROWS.toLocaleString()} rows…`);
const bytes = await writeViolationCsv(file, ROWS);
log(`  ${file} (${(bytes / 1e6).toFixed(0)} MB)`);

const db = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  database: "bench",
  ephemeral: true,
  port: 55439,
  log,
});
process.env.DATABASE_URL = db.url;
process.env.DB_BULK_STATEMENT_TIMEOUT_MS = "0";
process.env.LOG_LEVEL = "warn";
const results: { what: string; seconds: number; rows: number }[] = [];
try {
  await migrate(db.url);
  const { seedDatabase } = await import("./lib/seed-runner");
  await seedDatabase(db.url, { only: ["units", "users", "violation-types"], log: () => {} });

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  /** COPYs `source` into `table`, timed; records the result under `what` and logs it as `label`. */
  const timedCopy = async (table: string, source: string, header: boolean, what: string, label: string) => {
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(source),
      client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER ${header})`)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    results.push({ what, seconds, rows: rows[0].n });
    log(`${label}: ${rows[0].n.toLocaleString()} rows in ${seconds.toFixed(1)} s`);
  };
  const copyOnce = async (n: number) => {
    const table = `scratch_copy_${n}`;
    await client.query(`CREATE TABLE ${table} (
      occurred_at timestamptz, lat float8, lng float8, address text, road_name text, plate text, plate_color text, vehicle_type text,
      type_key text, source text, driver_name text, driver_id_number text, fine_yuan integer, points integer, licence_seized boolean,
      detention_days integer, external_ref text)`);
    await timedCopy(table, file, true, `plain COPY into a scratch table (run ${n})`, `COPY run ${n}`);
  };
  await copyOnce(1);

  const { cliActor } = await import("@/lib/records/system-actor");
  const { importViolations } = await import("@/lib/violations/import-violations");
  const actor = await cliActor({ unitCode: "522625" });
  log(`importing through lib/violations/import-violations.ts (batches of ${BATCH ?? "the default size"})…`);
  const t0 = performance.now();
  let shown = 0;
  const report = await importViolations({
    actor,
    body: fs.createReadStream(file),
    format: "csv",
    batchSize: BATCH,
    onProgress: (r) => {
      if (r.received - shown >= 200_000) {
        shown = r.received;
        log(`  ${r.received.toLocaleString()} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  results.push({
    what: "import (parse, validate, place, look up references, COPY, audit)",
    seconds,
    rows: report.created,
  });
  log(
    `import: received ${report.received.toLocaleString()}, created ${report.created.toLocaleString()}, duplicates ${report.duplicates}, rejected ${report.rejected} in ${seconds.toFixed(1)} s`,
  );
  if (report.rejected) log(`  first errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const { rows: count } = await client.query(`SELECT count(*)::int AS n FROM violations`);
  log(`  violations table now holds ${count[0].n.toLocaleString()} rows`);

  await copyOnce(2);

  // The same final rows (what the import wrote), COPYed into a scratch copy of the
  // violations table with the same indexes, checks and foreign key: what the database
  // itself needs to store these rows in this table, whoever writes them.
  const dump = path.join(dir, "violations-final.csv");
  await pipeline(
    client.query(copyTo(`COPY (SELECT * FROM violations) TO STDOUT WITH (FORMAT csv)`)),
    fs.createWriteStream(dump),
  );
  await client.query(`CREATE TABLE scratch_violations (LIKE violations INCLUDING ALL)`);
  await client.query(`ALTER TABLE scratch_violations ADD FOREIGN KEY (type_key) REFERENCES violation_types(key)`);
  await client.query(
    `ALTER TABLE scratch_violations ADD FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE SET NULL`,
  );
  await client.query("CHECKPOINT");
  await timedCopy(
    "scratch_violations",
    dump,
    false,
    "plain COPY of the imported rows into a copy of the violations table (same indexes, checks, FKs)",
    "COPY into a violations-shaped table",
  );
  // The same rows into the violations' columns with only the keys an idempotent import
  // cannot do without: the primary key and the unique (unit_id, external_ref).
  await client.query(`CREATE TABLE scratch_violations_keys (LIKE violations INCLUDING DEFAULTS)`);
  await client.query(`ALTER TABLE scratch_violations_keys ADD PRIMARY KEY (id), ADD UNIQUE (unit_id, external_ref)`);
  await client.query("CHECKPOINT");
  await timedCopy(
    "scratch_violations_keys",
    dump,
    false,
    "plain COPY of the imported rows into the violations' columns with only the primary key and unique (unit_id, external_ref)",
    "COPY into the violations' columns with the two keys",
  );
  // The same rows into a table with the violations' columns only (no index, check or foreign
  // key): the ceiling of any writer that stores these rows in this row layout.
  await client.query(`CREATE TABLE scratch_violations_bare (LIKE violations INCLUDING DEFAULTS)`);
  await client.query("CHECKPOINT");
  await timedCopy(
    "scratch_violations_bare",
    dump,
    false,
    "plain COPY of the imported rows into the violations' columns only (no index, check or FK)",
    "COPY into the violations' columns only",
  );
  await client.end();
  const { pgPool } = await import("@/lib/db-pool");
  await pgPool().end();

  const rate = (r: { seconds: number; rows: number }) => r.rows / r.seconds;
  const copyRate = (rate(results[0]) + rate(results[2])) / 2;
  console.log("\n| what | rows | seconds | rows/s |\n|---|---:|---:|---:|");
  for (const r of results)
    console.log(
      `| ${r.what} | ${r.rows.toLocaleString()} | ${r.seconds.toFixed(1)} | ${Math.round(rate(r)).toLocaleString()} |`,
    );
  console.log(
    `\nratio import / plain COPY into a bare scratch table (mean of the two runs): ${(rate(results[1]) / copyRate).toFixed(2)}`,
  );
  console.log(
    `ratio import / plain COPY into a violations-shaped scratch table: ${(rate(results[1]) / rate(results[3])).toFixed(2)} (target ≥ 0.75)`,
  );
  console.log(
    `bound for any idempotent importer: the violations' columns with the two keys alone / plain COPY into a bare scratch table: ${(rate(results[4]) / copyRate).toFixed(2)}`,
  );
  console.log(
    `ceiling: the violations' columns alone, no index, check or FK / plain COPY into a bare scratch table: ${(rate(results[5]) / copyRate).toFixed(2)}`,
  );
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), shared with other work; columns: ${CSV_COLUMNS.length}`,
  );
} finally {
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
