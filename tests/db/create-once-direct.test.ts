/**
 * The kernel's one-statement create (createOnce's `direct`), apart from any record kind: a
 * field left undefined takes its column's default (as Prisma does), the audit's `fromRow`
 * fields come from the stored row, and a key already stored sends the call down the
 * transaction path.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/records/kernel";
import { actorFor } from "../setup/actors";

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE direct_probe (
    id uuid PRIMARY KEY, unit_id uuid NOT NULL, unit_path text NOT NULL,
    n integer NOT NULL DEFAULT 7, note text, external_ref text UNIQUE)`);
});

type Probe = { id: string; n: number; note: string | null };

async function create(note: string, key: string | null) {
  const actor = await actorFor("zy-clerk");
  let transactionPath = false;
  const out = await createOnce<Probe>({
    actor,
    entity: "direct_probe",
    idempotencyKey: key,
    contentHash: `hash-${note}`,
    direct: () => ({
      table: "direct_probe",
      row: { unitId: actor.unitId, unitPath: actor.unitPath, n: undefined, note, externalRef: note },
      returning: ["id", "n", "note"],
      toRecord: (r) => r as Probe,
      audit: { after: { note }, fromRow: ["n"] },
    }),
    insert: async () => {
      transactionPath = true;
      return null; // the reference is stored: existing() answers
    },
    existing: async (tx) =>
      (
        await tx.$queryRaw<{ id: string; contentHash: string }[]>`
          SELECT id::text, 'hash-' || note AS "contentHash" FROM direct_probe WHERE external_ref = ${note}`
      )[0] ?? null,
    load: async (tx, id) =>
      (await tx.$queryRaw<Probe[]>`SELECT id::text, n, note FROM direct_probe WHERE id = ${id}::uuid`)[0] ?? null,
  });
  return { ...out, transactionPath };
}

describe("createOnce's one-statement create", () => {
  it("writes the row with its defaults and an audit entry taking the database's fields from the row", async () => {
    const first = await create("first", "probe-key-1");
    expect(first).toMatchObject({ replayed: false, transactionPath: false, record: { n: 7, note: "first" } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "direct_probe", entityId: first.record.id } });
    expect(audit).toMatchObject({ action: "direct_probe.create", after: { note: "first", n: 7 } });

    // The same key again: the statement fails whole, the transaction path replays the first row.
    const again = await create("first", "probe-key-1");
    expect(again).toMatchObject({ replayed: true, record: { id: first.record.id } });
    // The same reference under another key: the row's unique index sends it down the same path.
    const byRef = await create("first", "probe-key-2");
    expect(byRef).toMatchObject({ replayed: true, transactionPath: true, record: { id: first.record.id } });
    expect(await db.$queryRaw`SELECT count(*)::int AS n FROM direct_probe`).toEqual([{ n: 1 }]);
    expect(await db.auditLog.count({ where: { entity: "direct_probe" } })).toBe(1);
  });
});
