/**
 * A cluster on one machine from installed Debian packages (npm run cluster, npm run
 * test:cluster): a PostgreSQL primary and a streaming replica (the `postgresql` package's
 * server binaries), N `next start` instances with CLUSTER=1 and one shared secret, and
 * HAProxy in front (`haproxy` package). Everything lives under one directory
 * (.data/cluster by default) and is stopped by `stop()`.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./database";

export interface ClusterOptions {
  dir: string;
  /** Load balancer port; instances listen on port + 1 … port + instances. */
  port: number;
  /** Primary port; the replica listens on pgPort + 1. */
  pgPort: number;
  instances?: number;
  /** Start from empty data directories. */
  fresh?: boolean;
  /** Load the demo data into an empty database (default true). */
  seed?: boolean;
  /** Only this phase of the demo data ("base": units, people, grids, halls; no years of records). */
  seedPhase?: "base" | "records";
  /** Extra environment for the app instances (e.g. JOBS_EVERY_MS in tests). */
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** Where app instances write their output (default: inherit). */
  appOutput?: (instance: number) => fs.WriteStream | "inherit" | "ignore";
}

export interface Cluster {
  lbUrl: string;
  instanceUrls: string[];
  /** Superuser URLs (the app uses them too: a dedicated role is the production layout). */
  primaryUrl: string;
  replicaUrl: string;
  pgBin: string;
  stopInstance(i: number, signal?: NodeJS.Signals): Promise<void>;
  startInstance(i: number): Promise<void>;
  /** pg_ctl stop (mode) of the primary, then start again after `downMs`. Resolves when it accepts connections. */
  restartPrimary(opts?: {
    mode?: "fast" | "immediate";
    downMs?: number;
  }): Promise<{ stoppedAt: number; readyAt: number }>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

const PASSWORD_FILE = "postgres-password";
const execFileAsync = promisify(execFile);

/** The newest server version installed by Debian's postgresql package. */
export function debianPgBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter(
          (v) => fs.existsSync(path.join(base, v, "bin/postgres")) && fs.existsSync(path.join(base, v, "bin/initdb")),
        )
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error(
      "No PostgreSQL server binaries under /usr/lib/postgresql. Install Debian's: apt-get install -y postgresql",
    );
  return path.join(base, versions[0], "bin");
}

export function haproxyBin(): string {
  for (const p of ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"]) if (fs.existsSync(p)) return p;
  throw new Error("No haproxy. Install Debian's: apt-get install -y haproxy");
}

const isRoot = process.getuid?.() === 0;
function postgresIds(): { uid?: number; gid?: number } {
  if (!isRoot) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

/**
 * Runs a PostgreSQL binary as the postgres user when we are root (the server refuses root).
 * Asynchronous: a test keeps sending and timing requests while a server stops and starts.
 */
async function pgRun(bin: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execFileAsync(bin, args, {
    ...postgresIds(),
    env: { ...process.env, LC_ALL: "C.UTF-8", ...env },
  });
  return stdout;
}

function chownToPostgres(p: string) {
  const ids = postgresIds();
  if (ids.uid === undefined) return;
  execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, p]);
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string) {
  const t0 = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - t0 > ms) throw new Error(`${what} did not come up within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function pgReady(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const log = opts.log ?? ((l: string) => console.log(`[cluster] ${l}`));
  const n = opts.instances ?? 3;
  const bin = debianPgBin();
  const haproxy = haproxyBin();
  const dir = path.resolve(opts.dir);
  if (opts.fresh && fs.existsSync(dir)) {
    for (const sub of ["primary", "replica"]) {
      const d = path.join(dir, sub);
      if (fs.existsSync(path.join(d, "postmaster.pid"))) {
        try {
          await pgRun(path.join(bin, "pg_ctl"), ["-D", d, "stop", "-m", "immediate"]);
        } catch {
          /* not running */
        }
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  chownToPostgres(dir);
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  const pwFile = path.join(dir, PASSWORD_FILE);
  if (!fs.existsSync(pwFile)) fs.writeFileSync(pwFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  chownToPostgres(pwFile);
  const password = fs.readFileSync(pwFile, "utf8").trim();
  const url = (port: number, db = "trafficops") =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const primaryUrl = url(opts.pgPort);
  const replicaUrl = url(opts.pgPort + 1);
  const pgCtl = path.join(bin, "pg_ctl");

  // Server settings passed on the command line (pg_ctl -o), the same for both servers.
  const serverFlags = (port: number) =>
    [
      `-c port=${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=''`,
      "-c max_connections=200",
      "-c shared_buffers=128MB",
      "-c timezone=UTC",
      "-c wal_level=replica",
      "-c max_wal_senders=5",
      "-c max_replication_slots=5",
      "-c max_slot_wal_keep_size=2GB",
      "-c hot_standby=on",
      "-c hot_standby_feedback=on",
      "-c recovery_init_sync_method=syncfs",
      "-c checkpoint_timeout=2min",
    ].join(" ");
  const startServer = (d: string, port: number) =>
    pgRun(pgCtl, [
      "-D",
      d,
      "-l",
      path.join(dir, `${path.basename(d)}.log`),
      "-o",
      serverFlags(port),
      "-w",
      "-t",
      "120",
      "start",
    ]);
  const stopServer = async (d: string, mode: "fast" | "immediate" = "fast") => {
    if (!fs.existsSync(path.join(d, "postmaster.pid"))) return;
    try {
      await pgRun(pgCtl, ["-D", d, "-m", mode, "-w", "-t", "60", "stop"]);
    } catch (err) {
      log(`pg_ctl stop ${path.basename(d)}: ${(err as Error).message.split("\n")[0]}`);
    }
  };

  // 1. Primary.
  if (!fs.existsSync(path.join(primaryDir, "PG_VERSION"))) {
    log(`initdb ${primaryDir} (${bin})`);
    await pgRun(path.join(bin, "initdb"), [
      "-D",
      primaryDir,
      "-U",
      "postgres",
      "--auth=scram-sha-256",
      `--pwfile=${pwFile}`,
      "--encoding=UTF8",
      "--locale=C.UTF-8",
    ]);
  }
  log(`primary on 127.0.0.1:${opts.pgPort}`);
  await startServer(primaryDir, opts.pgPort);
  const admin = new pg.Client({ connectionString: url(opts.pgPort, "postgres") });
  await admin.connect();
  if (!(await admin.query("SELECT 1 FROM pg_database WHERE datname = 'trafficops'")).rowCount)
    await admin.query("CREATE DATABASE trafficops");
  if (!(await admin.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = 'replica1'")).rowCount)
    await admin.query("SELECT pg_create_physical_replication_slot('replica1', true)");
  await admin.end();

  // 2. Replica: a base backup of the primary, streaming from it (standby.signal).
  if (!fs.existsSync(path.join(replicaDir, "PG_VERSION"))) {
    log(`pg_basebackup → ${replicaDir}`);
    await pgRun(
      path.join(bin, "pg_basebackup"),
      [
        "-h",
        "127.0.0.1",
        "-p",
        String(opts.pgPort),
        "-U",
        "postgres",
        "-D",
        replicaDir,
        "-X",
        "stream",
        "-S",
        "replica1",
        "-R",
        "-c",
        "fast",
      ],
      { PGPASSWORD: password },
    );
    // -R wrote primary_conninfo without the password: give it one.
    fs.appendFileSync(
      path.join(replicaDir, "postgresql.auto.conf"),
      `primary_conninfo = 'host=127.0.0.1 port=${opts.pgPort} user=postgres password=${password} application_name=replica1'\nprimary_slot_name = 'replica1'\n`,
    );
    chownToPostgres(replicaDir);
  }
  log(`replica on 127.0.0.1:${opts.pgPort + 1}`);
  await startServer(replicaDir, opts.pgPort + 1);

  // 3. Schema and demo data, on the primary.
  const { migrate } = await import("./migrations");
  await migrate(primaryUrl, log);
  if (opts.seed !== false) {
    const { databaseIsEmpty, seedDatabase } = await import("./seed-runner");
    if (await databaseIsEmpty(primaryUrl))
      await seedDatabase(primaryUrl, { phase: opts.seedPhase, log: (l) => log(`[demo data] ${l.trim()}`) });
  }

  // 4. App instances: one build, one secret, CLUSTER=1.
  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    log("no production build yet: next build…");
    execFileSync(process.execPath, [nextBin, "build"], { cwd: ROOT, stdio: "inherit" });
  }
  const secret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");
  const instanceUrls = Array.from({ length: n }, (_, i) => `http://127.0.0.1:${opts.port + 1 + i}`);
  const apps: (ChildProcess | null)[] = Array(n).fill(null);
  const startInstance = async (i: number) => {
    const out = opts.appOutput?.(i) ?? "inherit";
    const child = spawn(process.execPath, [nextBin, "start", "-p", String(opts.port + 1 + i), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: primaryUrl,
        DATABASE_READ_URL: replicaUrl,
        NEXTAUTH_SECRET: secret,
        CLUSTER: "1",
        // The demo data and its accounts (demo password, no second factor for commanders):
        // a demonstration cluster, not a production one (docs/deployment.md).
        TRAFFICOPS_DEMO: "1",
        INSTANCE_ID: `app-${i + 1}`,
        AUTH_TRUST_HOST: "true",
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        DB_POOL_MAX: process.env.DB_POOL_MAX ?? "8",
        ...opts.env,
      },
      stdio: out === "inherit" || out === "ignore" ? ["ignore", out, out] : ["ignore", "pipe", "pipe"],
    });
    if (typeof out === "object") {
      child.stdout?.pipe(out);
      child.stderr?.pipe(out);
    }
    apps[i] = child;
    await waitFor(
      async () => (await fetch(`${instanceUrls[i]}/api/health/live`, { signal: AbortSignal.timeout(2_000) })).ok,
      180_000,
      `instance ${i + 1}`,
    );
    log(`instance ${i + 1} on ${instanceUrls[i]}`);
  };
  for (let i = 0; i < n; i++) await startInstance(i);

  // 5. Load balancer: round robin, health checked on /api/health/live; a request that cannot
  // reach an instance is retried on another (redispatch), long timeouts for event streams.
  const cfg = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(
    cfg,
    [
      "global",
      "  maxconn 4000",
      "defaults",
      "  mode http",
      "  option httplog",
      "  timeout connect 2s",
      "  timeout client 1h",
      "  timeout server 1h",
      "  timeout http-request 30s",
      "  option redispatch",
      "  retries 2",
      "  retry-on conn-failure empty-response",
      "frontend web",
      `  bind 127.0.0.1:${opts.port}`,
      "  default_backend app",
      "backend app",
      "  balance roundrobin",
      "  option httpchk GET /api/health/live",
      "  http-check expect status 200",
      // A check may take seconds on a busy machine (an instance is not down because the
      // CPU is shared); a dead instance refuses connections at once and is out after 2 checks.
      "  timeout check 5s",
      "  default-server inter 1s fall 2 rise 2",
      ...instanceUrls.map((u, i) => `  server app${i + 1} ${u.replace("http://", "")} check`),
      "",
    ].join("\n"),
  );
  const lb = spawn(haproxy, ["-db", "-f", cfg], { stdio: ["ignore", "ignore", "inherit"] });
  const lbUrl = `http://127.0.0.1:${opts.port}`;
  await waitFor(
    async () => (await fetch(`${lbUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok,
    30_000,
    "haproxy",
  );
  log(`load balancer on ${lbUrl} (haproxy) → ${n} instances`);

  const stopInstance = async (i: number, signal: NodeJS.Signals = "SIGTERM") => {
    const c = apps[i];
    apps[i] = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill(signal);
    await exited;
  };

  let stopping: Promise<void> | null = null;
  return {
    lbUrl,
    instanceUrls,
    primaryUrl,
    replicaUrl,
    pgBin: bin,
    stopInstance,
    startInstance,
    restartPrimary: async ({ mode = "immediate", downMs = 3_000 } = {}) => {
      await stopServer(primaryDir, mode);
      const stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, downMs));
      await startServer(primaryDir, opts.pgPort);
      await waitFor(() => pgReady(primaryUrl), 60_000, "primary");
      return { stoppedAt, readyAt: Date.now() };
    },
    stopReplica: () => stopServer(replicaDir),
    startReplica: async () => {
      await startServer(replicaDir, opts.pgPort + 1);
      await waitFor(() => pgReady(replicaUrl), 60_000, "replica");
    },
    // Once: a second call (Ctrl-C during the stop) waits for the first.
    stop: () => (stopping ??= stopAll()),
  };
  async function stopAll() {
    if (lb.exitCode === null) {
      const exited = new Promise((r) => lb.once("exit", r));
      lb.kill("SIGTERM");
      await exited;
    }
    for (let i = 0; i < n; i++) await stopInstance(i);
    await stopServer(replicaDir);
    await stopServer(primaryDir);
    log("stopped");
  }
}
