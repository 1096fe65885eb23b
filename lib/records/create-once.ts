import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createHash } from "node:crypto";
import { runIdempotent } from "@/lib/idempotency/run-idempotent";

/**
 * The create path every record type shares, so replays behave the same everywhere:
 *  - `Idempotency-Key` (per actor): the same key with the same body returns the first
 *    result; with a different body it is a 409 (lib/idempotency);
 *  - `externalRef` (unique per unit): the insert is ON CONFLICT DO NOTHING; when a row
 *    with that reference exists, the same content returns it (a replay) and different
 *    content is a 409 naming the existing record.
 * Concurrent identical requests wait on the unique index and then see the winner's row,
 * so exactly one row is written. `insert` writes the row and its audit entry in `tx`.
 */
export async function createOnce<R extends { id: string }>(opts: {
  actor: Actor;
  entity: string;
  idempotencyKey?: string | null;
  contentHash: string;
  insert: (tx: Tx) => Promise<R | null>;
  existing: (tx: Tx) => Promise<{ id: string; contentHash: string | null } | null>;
  load: (tx: Tx, id: string) => Promise<R | null>;
}): Promise<{ record: R; replayed: boolean }> {
  return db.$transaction(async (tx) => {
    const out = await runIdempotent(
      tx,
      { actor: opts.actor, key: opts.idempotencyKey ?? null, entity: opts.entity, fingerprint: opts.contentHash },
      async () => {
        const row = await opts.insert(tx);
        if (row) return { id: row.id, record: row, replayed: false };
        const prior = await opts.existing(tx);
        if (!prior) throw new AppError("CONFLICT", "a conflicting record exists");
        if (prior.contentHash !== opts.contentHash) {
          throw new AppError("CONFLICT", "records.externalRefConflict", {
            details: { id: prior.id },
            fields: [{ path: "externalRef", message: "records.externalRefConflict" }],
          });
        }
        const record = await opts.load(tx, prior.id);
        if (!record) throw new AppError("CONFLICT", "a conflicting record exists");
        return { id: record.id, record, replayed: true };
      },
      async (id) => {
        const record = await opts.load(tx, id);
        return record ? { id, record, replayed: true } : null;
      },
    );
    return { record: out.record.record, replayed: out.replayed || out.record.replayed };
  });
}

/**
 * The fingerprint a record's content is compared by: a parsed (zod) input, whose keys come
 * out in schema order whatever order the caller sent them in, so plain JSON is canonical
 * (tests/unit/content-hash.test.ts). Bulk imports hash every row, so no key sorting here.
 */
export function contentHashOf(entity: string, input: unknown): string {
  return createHash("sha256")
    .update(entity)
    .update("\n")
    .update(JSON.stringify(input ?? null))
    .digest("hex");
}
