/**
 * Two test runs (two clones, two CI jobs) started together on one machine: each checks its
 * preferred port, finds it free, initialises its cluster (seconds), and only then starts the
 * server — so both servers went for the same port and one failed ("Unknown Error: undefined",
 * and the whole vitest run with it). The server that loses the bind now takes another port.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

describe("embedded PostgreSQL whose port is taken between the check and the start", () => {
  it("starts on another port and answers", async () => {
    const dataDir = path.join(import.meta.dirname, "../.artifacts", `port-race-${process.pid}`, "pg");
    // A port nobody uses: the OS's pick for a listener closed at once.
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    // The other run: takes the port once this one has checked it (while initdb runs).
    const squatter = net.createServer();
    const lines: string[] = [];
    const server = await startEmbeddedPostgres({
      dataDir,
      database: "race",
      ephemeral: true,
      fast: true,
      port,
      log: (l) => {
        lines.push(l);
        if (l.startsWith("Initialising")) squatter.listen(port, "127.0.0.1");
      },
    });
    try {
      expect(squatter.listening).toBe(true);
      expect(lines.join("\n")).toContain(`port ${port} was taken while PostgreSQL started; trying another`);
      expect(Number(new URL(server.url).port)).not.toBe(port);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      await client.end();
      expect(rows[0].one).toBe(1);
    } finally {
      await server.stop();
      squatter.close();
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  }, 120_000);
});
