/**
 * npm run bench:import [-- --rows 1000000 --parts 5 --batch 20000]   (BENCH_PG_PORT: 55439)
 *
 * Generates N synthetic violations as CSV (in `--parts` files), then on a throwaway embedded
 * PostgreSQL (same settings as the app's: durable, fsync on) measures in one run:
 *   1. plain COPY of the files into a scratch table with the same columns (no indexes, no
 *      checks): the fastest the server can take these rows — the baseline;
 *   2. for each part, in turn: our import of that part (lib/violations/import-violations.ts:
 *      parse, validate each row, place it, look its reference up, COPY each batch into
 *      violations with its indexes, constraints, foreign keys and rollup trigger, one audit
 *      row per batch), then plain COPYs of the rows it wrote into (a) a copy of the violations
 *      table (same indexes, checks, foreign keys), (b) its columns with only the two keys
 *      idempotency needs (primary key, unique (unit_id, external_ref)) and (c) its columns
 *      alone. Each reference is measured right after the import of the same rows, into a
 *      table as full as `violations` is then: this machine is shared and its speed changes
 *      within minutes, so measuring the import and its reference minutes apart (the design
 *      until 2026-12-04) put the load's swings into the ratio (0.43 and 0.87 in two runs);
 *   3. the plain COPY again (two baselines show the noise).
 * Prints rows/s of each, the ratios, and the ratio of each part; the target (issue 14):
 * import / COPY into the violations-shaped copy ≥ 0.75.
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
const PARTS = Math.max(1, Number(argVal("parts") ?? 5));
const BATCH = argVal("batch") ? Number(argVal("batch")) : undefined; // the product's default
const log = (l: string) => console.log(`[bench:import] ${l}`);

// Under the project (like the test clusters): initdb, run as the postgres user when we are
// root, cannot enter a private mkdtemp directory.
const dir = path.join(import.meta.dirname, "../tests/.artifacts", `bench-import-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
log(`generating ${ROWS.toLocaleString()} rows in ${PARTS} parts…`);
const files: string[] = [];
let bytes = 0;
for (let k = 0; k < PARTS; k++) {
  const file = path.join(dir, `violations-${k}.csv`);
  // One seed per part: the parts' external refs (CAM-<seed>-<i>) never meet.
  bytes += await writeViolationCsv(file, Math.round(ROWS / PARTS), 2019 + k);
  files.push(file);
}
log(`  ${dir} (${(bytes / 1e6).toFixed(0)} MB)`);

const db = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  database: "bench",
  ephemeral: true,
  port: Number(process.env.BENCH_PG_PORT ?? 55439),
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
  client.on("error", () => {}); // the server stopping at the end (or after a failure reported below)
  const count = async (table: string) =>
    (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  /** COPYs `source` into `table`; returns the seconds it took. */
  const copyFile = async (table: string, source: string, header: boolean) => {
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(source),
      client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER ${header})`)),
    );
    return (performance.now() - t0) / 1000;
  };
  const copyOnce = async (n: number) => {
    const table = `scratch_copy_${n}`;
    await client.query(`CREATE TABLE ${table} (
      occurred_at timestamptz, lat float8, lng float8, address text, road_name text, plate text, plate_color text, vehicle_type text,
      type_key text, source text, driver_name text, driver_id_number text, fine_yuan integer, points integer, licence_seized boolean,
      detention_days integer, external_ref text)`);
    await client.query("CHECKPOINT");
    let seconds = 0;
    for (const f of files) seconds += await copyFile(table, f, true);
    const rows = await count(table);
    results.push({ what: `plain COPY into a scratch table (run ${n})`, seconds, rows });
    log(`COPY run ${n}: ${rows.toLocaleString()} rows in ${seconds.toFixed(1)} s`);
  };
  await copyOnce(1);

  // The references, empty now, filled part by part with the rows the import wrote.
  await client.query(`CREATE TABLE scratch_violations (LIKE violations INCLUDING ALL)`);
  await client.query(`ALTER TABLE scratch_violations ADD FOREIGN KEY (type_key) REFERENCES violation_types(key)`);
  await client.query(
    `ALTER TABLE scratch_violations ADD FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE SET NULL`,
  );
  await client.query(`CREATE TABLE scratch_violations_keys (LIKE violations INCLUDING DEFAULTS)`);
  await client.query(`ALTER TABLE scratch_violations_keys ADD PRIMARY KEY (id), ADD UNIQUE (unit_id, external_ref)`);
  await client.query(`CREATE TABLE scratch_violations_bare (LIKE violations INCLUDING DEFAULTS)`);
  const refs = [
    {
      table: "scratch_violations",
      what: "plain COPY of the imported rows into a copy of the violations table (same indexes, checks, FKs)",
    },
    {
      table: "scratch_violations_keys",
      what: "plain COPY of the imported rows into the violations' columns with only the primary key and unique (unit_id, external_ref)",
    },
    {
      table: "scratch_violations_bare",
      what: "plain COPY of the imported rows into the violations' columns only (no index, check or FK)",
    },
  ];
  const refSeconds = refs.map(() => 0);

  const { cliActor } = await import("@/lib/records/system-actor");
  const { importViolations } = await import("@/lib/violations/import-violations");
  const actor = await cliActor({ unitCode: "522625" });
  log(
    `importing through lib/violations/import-violations.ts (batches of ${BATCH ?? "the default size"}), part by part…`,
  );
  let importSeconds = 0;
  let nodeCpuSeconds = 0;
  let created = 0;
  let lastId = "00000000-0000-0000-0000-000000000000";
  const perPart: { imp: number; ref: number; load: number }[] = [];
  const dump = path.join(dir, "violations-part.csv");
  for (const [k, file] of files.entries()) {
    await client.query("CHECKPOINT");
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await importViolations({ actor, body: fs.createReadStream(file), format: "csv", batchSize: BATCH });
    const seconds = (performance.now() - t0) / 1000;
    // The importer's own CPU (this process: parse, validate, place, encode, GC): less at the
    // mercy of the machine's load than its wall time, so before/after comparisons use it too.
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    nodeCpuSeconds += cpuSeconds;
    importSeconds += seconds;
    created += report.created;
    if (report.rejected) log(`  first errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
    // The rows this part wrote (uuid7 ids grow with time), COPYed into each reference.
    await pipeline(
      client.query(copyTo(`COPY (SELECT * FROM violations WHERE id > '${lastId}') TO STDOUT WITH (FORMAT csv)`)),
      fs.createWriteStream(dump),
    );
    lastId = (await client.query<{ id: string }>(`SELECT id::text FROM violations ORDER BY id DESC LIMIT 1`)).rows[0]
      .id;
    const partRef: number[] = [];
    for (const [i, r] of refs.entries()) {
      await client.query("CHECKPOINT");
      const sec = await copyFile(r.table, dump, false);
      refSeconds[i] += sec;
      partRef.push(sec);
    }
    const load = os.loadavg()[0];
    perPart.push({ imp: seconds, ref: partRef[0], load });
    log(
      `  part ${k + 1}/${files.length}: import ${report.created.toLocaleString()} rows in ${seconds.toFixed(1)} s, the same rows into the violations-shaped copy ${partRef[0].toFixed(1)} s (ratio ${(partRef[0] / seconds).toFixed(2)}; load ${load.toFixed(1)}; importer's Node CPU ${cpuSeconds.toFixed(1)} s)`,
    );
  }
  results.push({
    what: "import (parse, validate, place, look up references, COPY, audit)",
    seconds: importSeconds,
    rows: created,
  });
  log(`  violations table now holds ${(await count("violations")).toLocaleString()} rows`);

  await copyOnce(2);
  for (const [i, r] of refs.entries())
    results.push({ what: r.what, seconds: refSeconds[i], rows: await count(r.table) });
  await client.end();
  const { pgPool } = await import("@/lib/db-pool");
  await pgPool().end();
  // The placer's grid cache listens for changes: closed first, so stopping the server is not "a lost connection".
  const { eventListener } = await import("@/lib/realtime/listener");
  await eventListener().close();

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
    `per part (import s / reference s = ratio, 1-min load): ${perPart.map((p) => `${p.imp.toFixed(1)}/${p.ref.toFixed(1)}=${(p.ref / p.imp).toFixed(2)} (${p.load.toFixed(1)})`).join(", ")}`,
  );
  console.log(
    `importer's own Node CPU (user + system): ${nodeCpuSeconds.toFixed(1)} s, ${((nodeCpuSeconds / created) * 1e6).toFixed(1)} µs per row`,
  );
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), shared with other work; columns: ${CSV_COLUMNS.length}`,
  );
} finally {
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
