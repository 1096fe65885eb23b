/**
 * Real failures of a real database become 503 UNAVAILABLE (lib/db-errors.ts), the one
 * mapping used by route handlers, server actions, pages and /api/health: a server that is
 * not there, a connection the server terminates, pool and statement timeouts. Ordinary
 * errors are left alone.
 */
import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { createPrisma } from "@/lib/db-client";
import { databaseDownSince, dbFailureOf, markDatabaseUp, unavailableError } from "@/lib/db-errors";

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

afterEach(() => markDatabaseUp());

describe("database failures → 503 UNAVAILABLE", () => {
  it("no server on the port: Prisma (query and transaction) and pg errors are 'down', answered 503 with Retry-After", async () => {
    const url = `postgresql://x:y@127.0.0.1:${await closedPort()}/nothing`;
    const prisma = createPrisma(url, { max: 1 });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const errors = [
        await failure(prisma.$queryRaw`SELECT 1`),
        await failure(prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)),
        await failure(prisma.unit.findFirst()),
        await failure(pool.query("SELECT 1")),
      ];
      for (const e of errors) expect(dbFailureOf(e), String(e)).toBe("down");
      expect(databaseDownSince()).toBeNull();
      const res = errorResponse(errors[0], "req-1");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await res.json()).toEqual({
        error: {
          code: "UNAVAILABLE",
          message: "The database cannot be reached right now (it may be restarting). Try again in a few seconds.",
          requestId: "req-1",
        },
      });
      // The instance now knows: pages get the 503 page until a probe succeeds.
      expect(databaseDownSince()).not.toBeNull();
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });

  it("a connection the server terminates mid-transaction is 'down'", async () => {
    const e = await failure(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
      }),
    );
    expect(dbFailureOf(e)).toBe("down");
    expect(errorResponse(e, "r").status).toBe(503);
  });

  it("a statement timeout is 'busy': 503 for this request, the database is not marked down", async () => {
    const e = await failure(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL statement_timeout = 50`;
        await tx.$queryRaw`SELECT pg_sleep(1)`;
      }),
    );
    expect(dbFailureOf(e)).toBe("busy");
    expect(unavailableError(e)?.message).toBe("errors.databaseBusy");
    expect(errorResponse(e, "r").status).toBe(503);
    expect(databaseDownSince()).toBeNull();
  });

  it("ordinary errors stay what they are", async () => {
    const dup = await failure(
      db.$executeRaw`INSERT INTO units (code, path, depth, kind, name_zh, name_en, updated_at)
                     SELECT code, path, depth, kind, name_zh, name_en, now() FROM units LIMIT 1`,
    );
    expect(dbFailureOf(dup)).toBeNull();
    expect(dbFailureOf(new Error("boom"))).toBeNull();
    expect(unavailableError(new Error("boom"))).toBeNull();
    expect(errorResponse(new Error("boom"), "r").status).toBe(500);
  });
});
