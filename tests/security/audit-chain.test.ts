/**
 * Issue 13, finding 6 and "tamper-evident audit": every audit row is chained to the one
 * before it; `npm run audit:verify` recomputes the chains and names the first broken row;
 * the app's database role cannot edit, delete or switch off the audit log.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit, writeAuditPg } from "@/lib/audit/write-audit";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/users/write-users";
import { ensureEmbeddedAppRole } from "../../scripts/lib/app-role";
import { verifyAuditChain } from "../../scripts/lib/audit-chain";
import { actorFor } from "../setup/actors";

const url = () => process.env.DATABASE_URL!;
const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });

/** Changes audit rows the way someone with superuser rights could: triggers lifted. */
async function tamper(sql: string, params: unknown[] = []) {
  await owner.query("BEGIN");
  await owner.query("ALTER TABLE audit_logs DISABLE TRIGGER USER");
  await owner.query(sql, params);
  await owner.query("ALTER TABLE audit_logs ENABLE TRIGGER USER");
  await owner.query("COMMIT");
}

beforeAll(async () => {
  await owner.connect();
  // Activity of several kinds: a person's change, sign-ins, an unknown name, a raw pg writer.
  const admin = await actorFor("admin");
  await createUser({
    actor: admin,
    input: {
      username: "chain-user",
      displayName: "链",
      role: "OFFICER",
      unitCode: "522625",
      password: "Chain-pass-2026!",
    },
  });
  await verifyCredentials("zy-commander", "TrafficOps-demo-2026", { ip: "10.0.0.1", requestId: "t" });
  await verifyCredentials("zy-commander", "wrong", { ip: "10.0.0.1", requestId: "t" });
  await verifyCredentials("nobody-here", "wrong", { ip: "10.0.0.1", requestId: "t" });
  const zy = await actorFor("zy-commander");
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  await client.query("BEGIN");
  await writeAuditPg(client, zy, { action: "test.pg", entity: "test", after: { 名字: "张三", n: 1 } });
  await client.query("COMMIT");
  await client.end();
});
afterAll(() => owner.end());

describe("the audit hash chain", () => {
  it("every row is sealed at commit, in a lane of its unit's chains, and audit:verify passes", async () => {
    const rows = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThan(4);
    for (const r of rows) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.chain).toMatch(new RegExp(`^${r.unitId ?? "-"}#[0-7]$`));
    }
    const v = await verifyAuditChain(url());
    expect(v.broken).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.rows).toBe(rows.length);
  });

  it("concurrent writers of one unit and of many units keep every chain whole", async () => {
    const zy = await actorFor("zy-commander");
    const yj = await actorFor("yj-commander");
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.$transaction(async (tx) => {
          await writeAudit(tx, i % 2 ? zy : yj, { action: "test.concurrent", entity: "test", entityId: String(i) });
          // Several chains in one transaction, in the order that would deadlock if locked at insert.
          await writeAudit(tx, i % 2 ? yj : zy, { action: "test.concurrent", entity: "test", entityId: `${i}b` });
        }),
      ),
    );
    const v = await verifyAuditChain(url());
    expect(v.broken).toEqual([]);
    const seqs = await db.auditLog.findMany({
      where: { chain: `${zy.unitId}#0` },
      select: { chainSeq: true },
      orderBy: { chainSeq: "asc" },
    });
    expect(seqs.map((s) => Number(s.chainSeq))).toEqual(seqs.map((_, i) => i + 1));
  });

  it("a writer cannot choose a row's chain position or hash", async () => {
    const zy = await actorFor("zy-commander");
    await db.$executeRaw`INSERT INTO audit_logs (actor_name, actor_role, action, entity, unit_id, chain, chain_seq, prev_hash, hash)
      VALUES ('x', 'ADMIN', 'test.forged', 'test', ${zy.unitId}::uuid, 'other', 1, ${"0".repeat(64)}, ${"f".repeat(64)})`;
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "test.forged" } });
    expect(row.chain).toMatch(new RegExp(`^${zy.unitId}#`));
    expect(row.hash).not.toBe("f".repeat(64));
    expect((await verifyAuditChain(url())).ok).toBe(true);
  });

  it("the app's database role may only INSERT and SELECT audit rows", async () => {
    const appUrl = await ensureEmbeddedAppRole(url());
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      const [{ id }] = (await app.query("SELECT id FROM audit_logs ORDER BY id LIMIT 1")).rows;
      const refused = async (sql: string) => {
        await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner/);
      };
      await refused(`UPDATE audit_logs SET action = 'x' WHERE id = ${id}`);
      await refused(`DELETE FROM audit_logs WHERE id = ${id}`);
      await refused("TRUNCATE audit_logs");
      await refused("ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update_delete");
      await refused("DROP TRIGGER audit_logs_seal ON audit_logs");
      await refused("DROP TABLE audit_logs");
      await refused("UPDATE audit_chain_heads SET seq = 0");
      await refused("DELETE FROM audit_chain_heads");
      await refused("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', 'x')");
      await refused("CREATE TABLE sneaky (id int)");
      // What it needs still works, and its rows are sealed with the owner's function.
      await app.query(
        "INSERT INTO audit_logs (actor_name, actor_role, action, entity) VALUES ('app', 'ADMIN', 'test.app', 'test')",
      );
      const { rows } = await app.query("SELECT hash FROM audit_logs WHERE action = 'test.app'");
      expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
      await app.query("SELECT count(*) FROM users");
      await app.query("UPDATE users SET updated_at = updated_at WHERE false");
      await app.query("SELECT ensure_position_partitions(current_date, 1)");
    } finally {
      await app.end();
    }
    expect((await verifyAuditChain(url())).ok).toBe(true);
  });

  it("a row edited with superuser rights is named by audit:verify, which exits non-zero", async () => {
    const victim = await db.auditLog.findFirstOrThrow({ where: { action: "user.create" } });
    await tamper(`UPDATE audit_logs SET after = after || '{"role": "ADMIN"}' WHERE id = $1`, [victim.id]);
    const v = await verifyAuditChain(url());
    expect(v.ok).toBe(false);
    expect(v.broken).toContainEqual(
      expect.objectContaining({ id: String(victim.id), reason: expect.stringMatching(/changed/) }),
    );

    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, "../..");
    const err = await run(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/audit-verify.ts"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url() },
      },
    ).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout).toContain(`BROKEN row id=${victim.id}`);
  });

  it("a deleted row and a cut tail are found", async () => {
    // (The zhenyuan chain is broken above; these use the others.)
    const yj = await actorFor("yj-commander");
    const rows = await db.auditLog.findMany({ where: { chain: `${yj.unitId}#0` }, orderBy: { chainSeq: "asc" } });
    const gone = rows[2];
    await tamper("DELETE FROM audit_logs WHERE id = $1", [gone.id]);
    let v = await verifyAuditChain(url());
    expect(v.broken).toContainEqual(
      expect.objectContaining({
        id: String(rows[3].id),
        reason: `seq ${gone.chainSeq} is missing (next is ${rows[3].chainSeq})`,
      }),
    );
    const unknown = await db.auditLog.findFirstOrThrow({ where: { unitId: null } });
    const tail = await db.auditLog.findFirstOrThrow({ where: { chain: unknown.chain }, orderBy: { chainSeq: "desc" } });
    await tamper("DELETE FROM audit_logs WHERE id = $1", [tail.id]);
    v = await verifyAuditChain(url());
    expect(v.broken).toContainEqual(
      expect.objectContaining({ chain: "-#0", reason: expect.stringMatching(/missing/) }),
    );
  });
});
