/**
 * The server Playwright tests run against: a throwaway embedded PostgreSQL, migrated and
 * loaded with the demo data, and a production build of the app (next build + next start).
 * Writes tests/.artifacts/e2e.json so fixtures can reach the same database.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrations";
import { ensureEmbeddedAppRole } from "./lib/app-role";
import { clientIsStale, prismaGenerate } from "./lib/prisma-generate";
import { ROOT } from "./lib/database";

const port = Number(process.env.E2E_PORT ?? 3210);
const artifacts = path.join(ROOT, "tests/.artifacts");
const log = (l: string) => console.log(`[e2e-server] ${l}`);

if (clientIsStale()) prismaGenerate(log);
// Always a fresh database: a run killed before it could clean up must not leak into the next.
const dataDir = path.join(artifacts, "pg-e2e");
const leftover = path.join(dataDir, "postmaster.pid");
if (fs.existsSync(leftover)) {
  try {
    process.kill(Number(fs.readFileSync(leftover, "utf8").split("\n")[0]), "SIGINT");
    await new Promise((r) => setTimeout(r, 2_000));
  } catch {
    /* not running */
  }
}
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.json`, { force: true });
const db = await startEmbeddedPostgres({
  dataDir,
  database: "trafficops",
  ephemeral: true,
  fast: true,
  port: 55433,
  log,
});
await migrate(db.url, log);
const { seedDatabase } = await import("./lib/seed-runner");
await seedDatabase(db.url, { log, args: ["--profile=e2e"] });
// The server runs as the app's role, as `npm start` does; fixtures and audit:verify use the owner.
const appUrl = await ensureEmbeddedAppRole(db.url);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: appUrl,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production",
  AUTH_TRUST_HOST: "true",
  NODE_ENV: "production",
  // A test instance: demo accounts sign in with the demo password (lib/auth/deployment.ts).
  TRAFFICOPS_DEMO: "1",
  // Live streams re-check their viewer's session every 2 s here (one minute by default).
  SSE_RECHECK_MS: process.env.SSE_RECHECK_MS ?? "2000",
  // Every test signs in from 127.0.0.1: the per-address limit (50 failures) would let one
  // spec's wrong passwords block the rest of the suite. tests/db/sign-in.test.ts covers it.
  SIGNIN_MAX_FAILS_PER_ADDRESS: "1000",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
};
fs.mkdirSync(artifacts, { recursive: true });
fs.writeFileSync(
  path.join(artifacts, "e2e.json"),
  JSON.stringify({ databaseUrl: db.url, baseURL: `http://127.0.0.1:${port}` }),
);

const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
if (process.env.E2E_SKIP_BUILD !== "1") {
  log("building (next build)…");
  const t0 = Date.now();
  await new Promise<void>((resolve, reject) => {
    const b = spawn(process.execPath, [nextBin, "build"], { env, stdio: "inherit", cwd: ROOT });
    b.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`next build exited with ${c}`))));
  });
  log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
  env,
  stdio: "inherit",
  cwd: ROOT,
});
const stop = async () => {
  server.kill("SIGTERM");
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
server.on("exit", () => void stop());
