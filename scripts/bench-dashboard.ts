/**
 * npm run bench:dashboard [-- --violations=10000000 --accidents=500000 --transactions=3000000 --requests=100 --raw-requests=10 --port=3300]
 *
 * Loads a province-scale data set (a synthetic province of 16 detachments × 8 brigades ×
 * 4 squads) into a persistent benchmark database (.data/bench), then measures the
 * dashboard API for a brigade and for the province over HTTP against a production build,
 * next to the same figures computed by plain GROUP BY over the raw tables, in the same run.
 * Writes the table to tests/.artifacts/bench-dashboard.md (copied by hand into docs/performance.md).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrations";
import { ROOT } from "./lib/database";
import { clientIsStale, prismaGenerate } from "./lib/prisma-generate";
import { signInCookie, summarize, table, timed, waitForHttp } from "./lib/bench-util";
import { loadProvince, PROVINCE, rawDashboard, BENCH_PASSWORD } from "./lib/bench-province";

const arg = (name: string, def: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? def);
const targets = {
  violations: arg("violations", 10_000_000),
  accidents: arg("accidents", 500_000),
  transactions: arg("transactions", 3_000_000),
};
const requests = arg("requests", 100);
const rawRequests = arg("raw-requests", 10);
const port = arg("port", 3300);
const log = (l: string) => console.log(`[bench] ${l}`);

if (clientIsStale()) prismaGenerate(log);
const db = await startEmbeddedPostgres({
  dataDir: path.join(ROOT, ".data/bench/pg"),
  database: "trafficops_bench",
  fast: true,
  port: 55440,
  log,
});
let server: ReturnType<typeof spawn> | null = null;
try {
  await migrate(db.url, log);
  const { seedDatabase } = await import("./lib/seed-runner");
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on("error", () => {});
  const {
    rows: [{ n: units }],
  } = await pool.query(`SELECT count(*)::int AS n FROM units`);
  if (units === 0) await seedDatabase(db.url, { log, phase: "base" });

  const load = await loadProvince(pool, targets, log, await hash(BENCH_PASSWORD));
  const {
    rows: [sizes],
  } = await pool.query(`SELECT
      (SELECT count(*) FROM violations)::int AS violations, (SELECT count(*) FROM accidents)::int AS accidents,
      (SELECT count(*) FROM window_transactions)::int AS transactions,
      (SELECT count(*) FROM units WHERE path LIKE '/${PROVINCE}/%')::int AS units,
      pg_size_pretty(pg_database_size(current_database())) AS size,
      (SELECT count(*) FROM violation_daily)::int AS violation_rollup_rows`);
  log(`data: ${JSON.stringify(sizes)}; loading took ${load.seconds.toFixed(0)} s this run`);

  // Production build and server on the benchmark database.
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    log("building…");
    await new Promise<void>((res, rej) =>
      spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
        cwd: ROOT,
        stdio: "inherit",
      }).on("exit", (c) => (c === 0 ? res() : rej(new Error("build failed")))),
    );
  }
  const base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        NEXTAUTH_SECRET: "bench-secret",
        AUTH_TRUST_HOST: "true",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
      },
    },
  );
  await waitForHttp(`${base}/api/health`);

  const cases = [
    { name: "brigade", user: "bench-commander", unit: load.brigadeCode },
    { name: "province", user: "bench-admin", unit: PROVINCE },
  ];
  const rows: (string | number)[][] = [["scope", "what", "requests", "p50 ms", "p95 ms", "max ms"]];
  const p95: Record<string, { api: number; raw: number }> = {};
  for (const c of cases) {
    const cookie = await signInCookie(base, c.user, BENCH_PASSWORD);
    const url = `${base}/api/v1/dashboard?unit=${c.unit}&period=ytd`;
    const get = async () => {
      const r = await fetch(url, { headers: { cookie } });
      if (!r.ok) throw new Error(`${url} → ${r.status} ${await r.text()}`);
      return r.json();
    };
    for (let i = 0; i < 5; i++) await get(); // warm up
    const api: number[] = [];
    for (let i = 0; i < requests; i++) api.push((await timed(get))[1]);
    const raw: number[] = [];
    const unitPath = (await pool.query(`SELECT path FROM units WHERE code = $1`, [c.unit])).rows[0].path;
    for (let i = 0; i < rawRequests; i++) raw.push((await timed(() => rawDashboard(pool, unitPath)))[1]);
    const a = summarize(api);
    const b = summarize(raw);
    rows.push([c.name, "dashboard API (rollups)", a.n, a.p50.toFixed(1), a.p95.toFixed(1), a.max.toFixed(1)]);
    rows.push([c.name, "plain GROUP BY on raw tables", b.n, b.p50.toFixed(1), b.p95.toFixed(1), b.max.toFixed(1)]);
    p95[c.name] = { api: a.p95, raw: b.p95 };
  }
  await pool.end();
  const out = table(rows);
  console.log("\n" + out + "\n");
  for (const [k, v] of Object.entries(p95)) log(`${k}: raw p95 / API p95 = ${(v.raw / v.api).toFixed(1)}×`);
  const note = [
    `Measured ${new Date().toISOString().slice(0, 16)}Z with \`npm run bench:dashboard\` on this machine (2 cores, shared).`,
    `Data: ${sizes.violations.toLocaleString()} violations, ${sizes.accidents.toLocaleString()} accidents, ${sizes.transactions.toLocaleString()} window transactions, ${sizes.units} synthetic units; database ${sizes.size}; ${sizes.violation_rollup_rows.toLocaleString()} violation rollup rows.`,
    "",
    out,
    "",
    ...Object.entries(p95).map(([k, v]) => `- ${k}: plain GROUP BY p95 ÷ API p95 = ${(v.raw / v.api).toFixed(1)}×`),
  ].join("\n");
  fs.writeFileSync(path.join(ROOT, "tests/.artifacts/bench-dashboard.md"), note);
} catch (err) {
  console.error(`[bench] failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
  await db.stop();
}
