import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { listAudit } from "@/lib/audit/list-audit";
import { actorFor } from "../setup/actors";

describe("audit log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const actor = await actorFor("admin");
    await db.$transaction((tx) =>
      writeAudit(tx, actor, { action: "test.write", entity: "test", entityId: "1", after: { a: 1 } }),
    );
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "test.write" } });
    await expect(db.$executeRaw`UPDATE audit_logs SET action = 'x' WHERE id = ${row.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM audit_logs WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_logs`).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("test.write");
  });

  it("records who, role, unit, IP and request id, and rolls back with the change", async () => {
    const actor = await actorFor("zy-commander");
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, actor, { action: "test.rollback", entity: "test" });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db.auditLog.count({ where: { action: "test.rollback" } })).toBe(0);

    await db.$transaction((tx) =>
      writeAudit(tx, actor, {
        action: "test.kept",
        entity: "test",
        before: { x: 1 },
        after: { x: 2, passwordHash: "secret" },
      }),
    );
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "test.kept" } });
    expect(row).toMatchObject({
      actorUserId: actor.userId,
      actorRole: "COMMANDER",
      unitPath: "/520000/522600/522625/",
      ip: "127.0.0.1",
      requestId: "test-zy-commander",
    });
    expect(row.after).toEqual({ x: 2 }); // secrets are never written
  });

  it("shows each admin only the rows of their own scope", async () => {
    const zy = await actorFor("zy-commander");
    const yj = await actorFor("yj-commander");
    await db.$transaction((tx) => writeAudit(tx, zy, { action: "test.scope", entity: "test" }));
    await db.$transaction((tx) => writeAudit(tx, yj, { action: "test.scope", entity: "test" }));
    const cq = await actorFor("cq-admin");
    const gz = await actorFor("admin");
    const gzRows = await listAudit({ actor: gz, input: { action: "test.scope", limit: 50 } });
    const cqRows = await listAudit({ actor: cq, input: { action: "test.scope", limit: 50 } });
    expect(gzRows.items).toHaveLength(2);
    expect(cqRows.items).toHaveLength(0);
  });
});
