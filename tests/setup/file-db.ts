/**
 * Per test file: a fresh database cloned from the template, and DATABASE_URL pointing at
 * it before any app module creates a client. Dropped when the file is done.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("dbAdminUrl");
const template = inject("dbTemplate");
const name = `t_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
await admin.end();

const u = new URL(adminUrl);
u.pathname = `/${name}`;
process.env.DATABASE_URL = u.toString();
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";
process.env.LOG_LEVEL ??= "error";

// Module caches are per file, but globalThis is not: forget clients of earlier files.
const g = globalThis as Record<string, unknown>;
for (const k of ["trafficopsDb", "trafficopsPgPool", "trafficopsListener", "trafficopsAuthPool", "trafficopsLimiters"])
  g[k] = undefined;

afterAll(async () => {
  const db = g.trafficopsDb as { $disconnect(): Promise<void> } | undefined;
  await db?.$disconnect().catch(() => {});
  await (g.trafficopsPgPool as { end(): Promise<void> } | undefined)?.end().catch(() => {});
  await (g.trafficopsAuthPool as { end(): Promise<void> } | undefined)?.end().catch(() => {});
  await (g.trafficopsListener as { close(): Promise<void> } | undefined)?.close().catch(() => {});
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});
