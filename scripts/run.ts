/**
 * npm run dev / npm start: everything a fresh clone needs, then Next.js.
 *  1. generate the Prisma client if the schema changed
 *  2. start the embedded PostgreSQL (unless DATABASE_URL is set), restarted with back-off
 *     whenever it exits unexpectedly (the app answers 503 meanwhile)
 *  3. apply migrations
 *  4. load the demo data when the database is empty (dev, or TRAFFICOPS_DEMO=1 npm start)
 *  5. production (npm start): refuse to serve until an administrator exists (npm run admin:create)
 *  6. serve (next dev, or next start on a production build, building it if missing)
 * Ctrl-C stops Next.js and then the embedded database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { clientIsStale, prismaGenerate } from "./lib/prisma-generate";
import { resolveDatabase, redactUrl, ROOT } from "./lib/database";
import { migrate } from "./lib/migrations";
import { clusterConfigError } from "@/lib/cluster-config";
import { dbFailureOf } from "@/lib/db-errors";
import { prepareAppRole } from "./lib/app-role";

const mode = process.argv[2] === "start" ? "start" : "dev";
const port = Number(process.env.PORT ?? 3000);
const t0 = Date.now();
const log = (l: string) => console.log(`[trafficops] ${l}`);

// Several instances need one shared secret: say so before starting anything.
const clusterProblem = clusterConfigError();
if (clusterProblem) {
  console.error(`[trafficops] ${clusterProblem}`);
  process.exit(1);
}

if (clientIsStale()) prismaGenerate(log);

const db = await resolveDatabase(log, { supervise: true });
log(`database ${redactUrl(db.url)}${db.startedHere ? " (embedded)" : ""}`);
const migrated = await migrate(db.url, log);
if (migrated.applied.length) log(`applied ${migrated.applied.length} migration(s)`);
// The app connects with its own role (INSERT/SELECT only on the audit log); scripts keep the owner.
const appUrl = await prepareAppRole(db.url, db.embedded, log);

const { administratorExists, databaseIsEmpty, demoRecordsDue, seedDatabase } = await import("./lib/seed-runner");
// `npm start` is a deployment: it never loads demo data, unless started as a demo
// (TRAFFICOPS_DEMO=1: demo data and the demo password, never for real use).
const demo = process.env.TRAFFICOPS_DEMO === "1";
const loadsDemo = mode === "dev" ? process.env.NODE_ENV !== "production" : demo;
if (await databaseIsEmpty(db.url)) {
  if (loadsDemo) await seedDatabase(db.url, { log, phase: "base" });
  else log("the database is empty; no demo data is loaded (TRAFFICOPS_DEMO=1 npm start for a demo)");
}
if (mode === "start" && !demo && !(await administratorExists(db.url))) {
  log("no administrator yet: not serving. Create one with `npm run admin:create`, then npm start again.");
  await db.stop();
  process.exit(1);
}
// Record-level demo data loads in the background while the app starts: sign-in works
// at once, dashboards fill in as it arrives (progress below).
const recordsDue = await demoRecordsDue(db.url);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: appUrl,
  PORT: String(port),
  ...(process.env.NEXTAUTH_SECRET ? {} : { NEXTAUTH_SECRET: localSecret(), NEXTAUTH_SECRET_SOURCE: "local-file" }),
  // Without a configured public URL, trust the Host header (single-origin setups).
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? (process.env.NEXTAUTH_URL ? undefined : "true"),
  NEXT_TELEMETRY_DISABLED: "1",
};

const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
if (mode === "start" && !fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
  log("no production build yet: running next build…");
  await run(process.execPath, [nextBin, "build"], env);
}

const child = spawn(process.execPath, [nextBin, mode, "-p", String(port)], { env, stdio: "inherit", cwd: ROOT });
log(`ready to start in ${((Date.now() - t0) / 1000).toFixed(1)} s → http://localhost:${port}`);
if (loadsDemo) printLogins();
if (recordsDue) {
  seedDatabase(db.url, { log: (l) => log(`[demo data] ${l.trim()}`), phase: "records" }).catch((err) =>
    log(`[demo data] failed: ${(err as Error).message} — run npm run db:seed to retry`),
  );
}

// The launcher supervises: a database connection of its own (the demo data loading in the
// background) that breaks when PostgreSQL goes away must not take it down with the app.
process.on("uncaughtException", (err) => {
  if (dbFailureOf(err)) {
    log(`a database connection of the launcher broke (${err.message.trim()}); carrying on`);
    return;
  }
  console.error(err);
  void shutdown(1);
});
// Never leave Next.js running without its launcher.
process.on("exit", () => {
  if (child.exitCode === null) child.kill("SIGTERM");
});

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  await db.stop();
  process.exit(code);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));

function localSecret(): string {
  const file = path.join(ROOT, ".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p: ChildProcess = spawn(cmd, args, { env, stdio: "inherit", cwd: ROOT });
    p.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${c}`))));
  });
}

function printLogins() {
  log("demo accounts (password TrafficOps-demo-2026, demo only):");
  log("  admin, zy-commander, zy-duty, zy-clerk, zy-officer, zy-aux, zy-legal, yj-commander, yj-clerk, yy-duty");
}
