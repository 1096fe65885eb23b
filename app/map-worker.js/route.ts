import fs from "node:fs/promises";
import path from "node:path";

/**
 * GET /map-worker.js — MapLibre's web worker, served from our own origin. MapLibre's ES
 * build looks for the worker next to its own file, which a bundler renames; the map code
 * points it here instead (setWorkerUrl). Nothing is fetched from the internet.
 */
let cached: string | null = null;

export async function GET() {
  cached ??= await fs.readFile(
    path.join(process.cwd(), "node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs"),
    "utf8",
  );
  return new Response(cached, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
