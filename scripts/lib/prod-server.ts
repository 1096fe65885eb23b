/**
 * A production server for measurements (bundle size, Lighthouse): reuses one already
 * answering on the port, else runs `TRAFFICOPS_DEMO=1 npm start` (embedded PostgreSQL,
 * migrations, demo data, `next build` if there is no build) and stops it afterwards. A dev server on the
 * port is refused: its bundles are neither minified nor compressed like production's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { signInCookies as signInWith } from "./bench-util";
import { ROOT } from "./database";

export interface ProdServer {
  baseURL: string;
  stop: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function isDevServer(url: string): Promise<boolean> {
  const html = await (await fetch(`${url}/login`)).text();
  return /\/_next\/hmr|react-refresh/.test(html);
}

export async function ensureProdServer(port: number, log: (l: string) => void = console.log): Promise<ProdServer> {
  const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${port}`;
  if (await answers(baseURL)) {
    if (await isDevServer(baseURL))
      throw new Error(`${baseURL} is a dev server (next dev); stop it or set PORT to a production server`);
    log(`reusing the production server at ${baseURL}`);
    return { baseURL, stop: async () => {} };
  }
  log(`starting a production server on port ${port} (npm start; builds first if there is no build)…`);
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/run.ts", "start"],
    {
      cwd: ROOT,
      // A demo instance on a production build: demo data and the demo accounts' password.
      env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", TRAFFICOPS_DEMO: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (b: Buffer) => process.env.VERBOSE && process.stdout.write(b));
  child.stderr?.on("data", (b: Buffer) => process.stderr.write(b));
  const deadline = Date.now() + 15 * 60_000;
  while (!(await answers(baseURL))) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the production server did not start within 15 minutes");
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    baseURL,
    stop: async () => {
      child.kill("SIGINT");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** Session cookies of a demo user, signed in like a script would (csrf, then credentials). */
export const signInCookies = (baseURL: string, username: string, password = "TrafficOps-demo-2026") =>
  signInWith(baseURL, username, password);
