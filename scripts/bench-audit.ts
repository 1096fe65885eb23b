/**
 * npm run bench:audit [-- --seconds 8 --writers 1,8,32]
 *
 * How the audit hash chain (audit_chain migration) costs concurrent writers. On a
 * throwaway embedded PostgreSQL with the app's settings (durable, fsync on), W writers each
 * run short transactions — one row into a scratch fact table and its audit row, as every
 * audited change does — for a few seconds, in these set-ups:
 *   - none:          the chain switched off (the cost of the audit row alone, the baseline);
 *   - one chain:     every row in one chain — what a chain per day amounts to, since all
 *                    concurrent writers write on the same day;
 *   - unit, 1 lane:  one chain per unit, writers spread over the demo units as people are;
 *   - unit, 8 lanes: what the migration does — up to 8 chains (lanes) per unit, a committing
 *                    writer takes a free one — writers spread over the units;
 *   - one unit, 1 lane / 8 lanes: the same two with every writer in one unit (the worst case).
 * Prints transactions/s and p50/p95 latency of each, and checks every chain afterwards.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { verifyAuditChain } from "./lib/audit-chain";
import { summarize } from "./lib/bench-util";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrations";

const argVal = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SECONDS = Number(argVal("seconds") ?? 8);
const WRITERS = (argVal("writers") ?? "1,8,32").split(",").map(Number);
const log = (l: string) => console.log(`[bench:audit] ${l}`);

const dir = path.join(import.meta.dirname, "../tests/.artifacts", `bench-audit-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
const db = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  database: "bench",
  ephemeral: true,
  port: 55441,
  log,
});
process.env.LOG_LEVEL = "warn";

const SETUPS = ["none", "one chain", "unit, 1 lane", "unit, 8 lanes", "one unit, 1 lane", "one unit, 8 lanes"] as const;
type Setup = (typeof SETUPS)[number];
const rows: { setup: Setup; writers: number; tps: number; p50: number; p95: number }[] = [];
try {
  await migrate(db.url);
  const { seedDatabase } = await import("./lib/seed-runner");
  await seedDatabase(db.url, { only: ["units"], log: () => {} });
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(
    "CREATE TABLE bench_facts (id bigserial PRIMARY KEY, unit_id uuid, at timestamptz DEFAULT now(), note text)",
  );
  const units = (await admin.query<{ id: string; path: string }>("SELECT id::text, path FROM units ORDER BY path"))
    .rows;
  log(`${units.length} units; ${SECONDS} s per run; writers ${WRITERS.join(", ")}`);

  const configure = async (setup: Setup) => {
    const on = setup !== "none";
    await admin.query(`ALTER TABLE audit_logs ${on ? "ENABLE" : "DISABLE"} TRIGGER audit_logs_chain`);
    await admin.query(`ALTER TABLE audit_logs ${on ? "ENABLE" : "DISABLE"} TRIGGER audit_logs_seal`);
    await admin.query(
      setup === "one chain"
        ? `CREATE OR REPLACE FUNCTION audit_chain_of(unit uuid) RETURNS text AS $$ SELECT 'all'::text $$ LANGUAGE sql IMMUTABLE`
        : `CREATE OR REPLACE FUNCTION audit_chain_of(unit uuid) RETURNS text AS $$ SELECT coalesce(unit::text, '-') $$ LANGUAGE sql IMMUTABLE`,
    );
    const lanes = setup.endsWith("8 lanes") ? 8 : 1;
    await admin.query(
      `CREATE OR REPLACE FUNCTION audit_lanes() RETURNS int AS $$ SELECT ${lanes} $$ LANGUAGE sql IMMUTABLE`,
    );
  };

  for (const setup of SETUPS) {
    await configure(setup);
    for (const writers of WRITERS) {
      const pool = new pg.Pool({ connectionString: db.url, max: writers });
      const latencies: number[] = [];
      const until = performance.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const c = await pool.connect();
          try {
            let i = 0;
            while (performance.now() < until) {
              const u = setup.startsWith("one unit") ? units[0] : units[(w * 7 + i++) % units.length];
              const t0 = performance.now();
              await c.query("BEGIN");
              await c.query("INSERT INTO bench_facts (unit_id, note) VALUES ($1, $2)", [u.id, `w${w}`]);
              await c.query(
                `INSERT INTO audit_logs (actor_name, actor_role, unit_id, unit_path, action, entity, entity_id, after, ip, request_id)
                 VALUES ('bench', 'OFFICER', $1, $2, 'bench.write', 'bench', $3, $4::jsonb, '127.0.0.1', gen_random_uuid()::text)`,
                [u.id, u.path, `${w}-${i}`, JSON.stringify({ writer: w, i })],
              );
              await c.query("COMMIT");
              latencies.push(performance.now() - t0);
            }
          } finally {
            c.release();
          }
        }),
      );
      await pool.end();
      const s = summarize(latencies);
      const tps = latencies.length / SECONDS;
      rows.push({ setup, writers, tps, p50: s.p50, p95: s.p95 });
      log(
        `${setup.padEnd(17)} ${String(writers).padStart(3)} writers: ${tps.toFixed(0).padStart(6)} tx/s, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
      );
    }
  }
  await configure("unit, 8 lanes");
  const v = await verifyAuditChain(db.url);
  const sealed = v.broken.filter((b) => !/not in any chain/.test(b.reason));
  log(`chains afterwards: ${v.chains} chain(s), ${v.rows} chained rows, ${sealed.length} broken`);
  console.log("\n| set-up | writers | tx/s | p50 ms | p95 ms |\n|---|---:|---:|---:|---:|");
  for (const r of rows)
    console.log(`| ${r.setup} | ${r.writers} | ${r.tps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  await admin.end();
} finally {
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
