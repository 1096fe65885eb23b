/**
 * Run as root (as on CI and many servers), PostgreSQL runs as the `postgres` user. A clone in
 * a directory closed to other users (under /root, or `mktemp -d`, mode 0700) once failed with
 * "spawn …/initdb EACCES": the data directory is now placed where that user can reach it, and
 * linked from where it was asked for. Stopping an ephemeral cluster removes both.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const isRoot = process.getuid?.() === 0;

describe.runIf(isRoot)("embedded PostgreSQL in a directory closed to the postgres user", () => {
  it("starts, answers, and leaves nothing behind", async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "closed-"));
    fs.chmodSync(closed, 0o700);
    const dataDir = path.join(closed, ".data", "pg");
    const lines: string[] = [];
    const server = await startEmbeddedPostgres({
      dataDir,
      database: "closed_check",
      ephemeral: true,
      fast: true,
      log: (l) => lines.push(l),
    });
    try {
      const standIn = fs.realpathSync(dataDir);
      expect(fs.lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect(standIn.startsWith(closed)).toBe(false);
      expect(lines.join("\n")).toContain("closed to the postgres user");
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      await client.end();
      expect(rows[0].one).toBe(1);
      await server.stop();
      expect(fs.existsSync(standIn)).toBe(false);
      expect(fs.lstatSync(dataDir, { throwIfNoEntry: false })).toBeUndefined();
    } finally {
      await server.stop();
      fs.rmSync(closed, { recursive: true, force: true });
    }
  }, 120_000);
});
