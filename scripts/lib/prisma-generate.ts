/**
 * Runs `prisma generate` without network access. The Prisma CLI wants a native schema
 * engine it downloads on first use; generate never runs it, so when it is missing we
 * point PRISMA_SCHEMA_ENGINE_BINARY at a harmless executable.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function prismaGenerate(log: (l: string) => void = console.log) {
  const env = { ...process.env };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasSchemaEngine()) {
    env.PRISMA_SCHEMA_ENGINE_BINARY = process.platform === "win32" ? process.execPath : "/bin/true";
  }
  env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  log("Prisma client generated (lib/generated/prisma)");
}

function hasSchemaEngine() {
  const dir = path.join(root, "node_modules/@prisma/engines");
  return fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.startsWith("schema-engine"));
}

/** True when the generated client is missing or older than any schema file. */
export function clientIsStale() {
  const marker = path.join(root, "lib/generated/prisma/client.ts");
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  const schemaDir = path.join(root, "prisma/schema");
  return fs.readdirSync(schemaDir).some((f) => fs.statSync(path.join(schemaDir, f)).mtimeMs > built);
}
