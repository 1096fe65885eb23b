/**
 * npm run cluster — several app instances on one machine, as a province would run them,
 * from installed Debian packages (apt-get install -y postgresql haproxy):
 *   a PostgreSQL primary (CLUSTER_PG_PORT, 5433) and a streaming replica (+1),
 *   three `next start` instances (PORT+1 … PORT+3) with CLUSTER=1, one shared secret,
 *   DATABASE_READ_URL on the replica, and HAProxy on PORT (3000) in front,
 *   with the demo data. Data in .data/cluster; `--fresh` starts from scratch.
 * Ctrl-C stops everything. The embedded server stays the default for one machine
 * (npm start); see docs/deployment.md.
 */
import path from "node:path";
import { ROOT } from "./lib/database";
import { startCluster } from "./lib/cluster";

const port = Number(process.env.PORT ?? 3000);
const cluster = await startCluster({
  dir: path.join(ROOT, ".data/cluster"),
  port,
  pgPort: Number(process.env.CLUSTER_PG_PORT ?? 5433),
  instances: Number(process.env.CLUSTER_INSTANCES ?? 3),
  fresh: process.argv.includes("--fresh"),
});
console.log(`[cluster] ready: ${cluster.lbUrl} (instances ${cluster.instanceUrls.join(", ")})`);
console.log(
  `[cluster] primary ${cluster.primaryUrl.replace(/:[^:@]*@/, ":***@")}, replica on port ${new URL(cluster.replicaUrl).port}`,
);
console.log(
  "[cluster] demo accounts (password TrafficOps-demo-2026, demo only): admin, zy-commander, zy-duty, zy-clerk, …",
);
console.log("[cluster] Ctrl-C stops everything");
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
