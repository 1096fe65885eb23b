/**
 * npm run bench:window — 20 simulated clerks submitting window transactions for 60 s
 * against a production build, next to the same stack answering a bare SELECT 1.
 *
 *  1. a throwaway embedded PostgreSQL (durable settings unless --fast), migrated and seeded;
 *  2. 20 clerk accounts, each signed in through next-auth like a browser;
 *  3. `next build` (skip with BENCH_SKIP_BUILD=1 to reuse .next) and `next start`;
 *  4. baseline: the 20 clerks call GET /api/v1/window/ping (apiRoute + session + SELECT 1);
 *  5. load: the 20 clerks POST /api/v1/window/transactions (Idempotency-Key, Origin) for 60 s;
 *  6. checks that every 201 is exactly one row, and prints p50/p95/p99, throughput and the
 *     ratio of the p95s (create ÷ ping; target ≤ 3×, issue 14).
 * Options: --seconds=60 --clerks=20 --baseline-seconds=15 --fast; BENCH_PORT (3223), BENCH_PG_PORT (55443).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { idCardCheckChar } from "@/lib/identity/id-card";
import { ROOT } from "./lib/database";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrations";
import { clientIsStale, prismaGenerate } from "./lib/prisma-generate";

const arg = (name: string, dflt: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? dflt);
const SECONDS = arg("seconds", 60);
const CLERKS = arg("clerks", 20);
const BASELINE_SECONDS = arg("baseline-seconds", 15);
const WARMUP_MS = 3_000;
const FAST = process.argv.includes("--fast");
const port = Number(process.env.BENCH_PORT ?? 3223);
const base = `http://127.0.0.1:${port}`;
const log = (l: string) => console.log(`[bench:window] ${l}`);
const PASSWORD = `Bench-${randomBytes(6).toString("hex")}1`;

async function main() {
  if (clientIsStale()) prismaGenerate(log);
  const db = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, "tests/.artifacts/pg-bench-window"),
    database: "trafficops",
    ephemeral: true,
    fast: FAST,
    port: Number(process.env.BENCH_PG_PORT ?? 55443),
    log,
  });
  let server: ChildProcess | null = null;
  try {
    await migrate(db.url, log);
    const { seedDatabase } = await import("./lib/seed-runner");
    await seedDatabase(db.url, { log, args: ["--profile=e2e"] });
    const sql = new pg.Client({ connectionString: db.url });
    // The server stopping at the end (or after a failure) must not crash the process before
    // the real error is reported.
    sql.on("error", () => {});
    await sql.connect();
    const hash = await hashPassword(PASSWORD);
    const users = Array.from({ length: CLERKS }, (_, i) => `bench-clerk-${String(i + 1).padStart(2, "0")}`);
    for (const u of users) {
      await sql.query(
        `INSERT INTO users (username, display_name, role, unit_id, password_hash, updated_at) SELECT $1, $1, 'CLERK', id, $2, now() FROM units WHERE code = '522625'`,
        [u, hash],
      );
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: "bench-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      LOG_LEVEL: "warn",
    };
    const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
    if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
      log("building (next build)…");
      await run(spawn(process.execPath, [nextBin, "build"], { env, stdio: "inherit", cwd: ROOT }));
    }
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
      cwd: ROOT,
    });
    await waitFor(`${base}/api/health`, 60_000);
    log(`server up on ${base}`);

    const sessions = await Promise.all(users.map(signIn));
    log(`${sessions.length} clerks signed in`);

    const ping = await load(
      "GET /api/v1/window/ping",
      sessions,
      BASELINE_SECONDS,
      (cookie) => fetch(`${base}/api/v1/window/ping`, { headers: { cookie } }),
      200,
    );
    let n = 0;
    const tx = await load(
      "POST /api/v1/window/transactions",
      sessions,
      SECONDS,
      (cookie) =>
        fetch(`${base}/api/v1/window/transactions`, {
          method: "POST",
          headers: { cookie, origin: base, "content-type": "application/json", "idempotency-key": randomUUID() },
          body: JSON.stringify(body(n++)),
        }),
      201,
    );

    const rows = Number(
      (
        await sql.query(
          `SELECT count(*) FROM window_transactions WHERE clerk_id IN (SELECT id FROM users WHERE username LIKE 'bench-clerk-%')`,
        )
      ).rows[0].count,
    );
    await sql.end();
    const report = {
      at: new Date().toISOString(),
      machine: `${os.cpus().length} CPU (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, shared with other work while measured`,
      postgres: FAST ? "embedded, fsync off (--fast)" : "embedded, default durability (fsync on)",
      clerks: CLERKS,
      baseline: ping,
      transactions: { ...tx, rowsWritten: rows, rowsMatch201s: rows === tx.okIncludingWarmup },
      /** The target (issue 14): POST p95 ≤ 3 × the ping's p95, in the same run. */
      p95Ratio: Number((tx.p95 / ping.p95).toFixed(2)),
    };
    fs.mkdirSync(path.join(ROOT, "tests/.artifacts"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "tests/.artifacts/bench-window.json"), JSON.stringify(report, null, 2));
    console.log("\n| request | n | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const r of [ping, tx])
      console.log(`| ${r.name} | ${r.ok} | ${r.errors} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.perSecond} |`);
    console.log(
      `\nrows written ${rows} = 201 responses (warm-up included) ${tx.okIncludingWarmup}: ${rows === tx.okIncludingWarmup ? "yes" : "NO"} · ${report.postgres} · ${report.machine}`,
    );
    console.log(
      `ratio of the p95s, POST /api/v1/window/transactions ÷ GET /api/v1/window/ping: ${tx.p95} ÷ ${ping.p95} = ${report.p95Ratio}× (target ≤ 3×)`,
    );
    if (rows !== tx.okIncludingWarmup) process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    await db.stop();
  }
}

const ID17 = ["52262519850312123", "52262619900415032", "52262619780903121", "52262619690127081", "52222619880808123"];
const BUSINESSES = [
  "licence_review",
  "other",
  "inspection_exemption_and_motorcycle_inspection",
  "licence_replacement",
  "c1_c2_licence_issued",
  "enquiry",
];
function body(i: number) {
  const id17 = ID17[i % ID17.length];
  const business = BUSINESSES[i % BUSINESSES.length];
  const fee = business === "licence_replacement" || business === "c1_c2_licence_issued" ? 10 : 0;
  return {
    business,
    channel: "hall",
    hall: "522625-H1",
    window: (i % 4) + 1,
    applicantName: `群众${i % 997}`,
    applicantIdNumber: id17 + idCardCheckChar(id17),
    plate: i % 3 === 0 ? "贵H12345" : undefined,
    feeYuan: fee,
    payment: fee ? "epay" : "none",
    startedAt: new Date(Date.now() - 8 * 60_000).toISOString(),
  };
}

async function signIn(username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in failed for ${username}: ${res.status}`);
  return cookie();
}

interface Result {
  name: string;
  ok: number;
  okIncludingWarmup: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  errorSamples: string[];
}

/** One loop per clerk, back to back, for `seconds` after a warm-up that is not counted. */
async function load(
  name: string,
  sessions: string[],
  seconds: number,
  call: (cookie: string) => Promise<Response>,
  expect: number,
): Promise<Result> {
  log(`${name}: ${sessions.length} clients, ${WARMUP_MS / 1000} s warm-up + ${seconds} s`);
  const lat: number[] = [];
  let errors = 0;
  let okAll = 0;
  const samples: string[] = [];
  const warmEnd = Date.now() + WARMUP_MS;
  const end = warmEnd + seconds * 1000;
  await Promise.all(
    sessions.map(async (cookie) => {
      while (Date.now() < end) {
        const t0 = performance.now();
        const res = await call(cookie).catch(
          (e: Error) => ({ status: 0, text: async () => e.message }) as unknown as Response,
        );
        const ms = performance.now() - t0;
        const text = await res.text();
        if (res.status === expect) okAll++;
        if (Date.now() <= warmEnd) continue;
        if (res.status === expect) lat.push(ms);
        else {
          errors++;
          if (samples.length < 5) samples.push(`${res.status} ${text.slice(0, 200)}`);
        }
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN) * 10) / 10;
  return {
    name,
    ok: lat.length,
    okIncludingWarmup: okAll,
    errors,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    max: q(1),
    perSecond: Math.round((lat.length / seconds) * 10) / 10,
    errorSamples: samples,
  };
}

function run(p: ChildProcess) {
  return new Promise<void>((resolve, reject) =>
    p.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`exit ${c}`)))),
  );
}

async function waitFor(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
