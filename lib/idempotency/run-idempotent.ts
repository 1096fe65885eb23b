import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Stable hash of a request body: same content (whatever the key order) → same fingerprint. */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return typeof v === "bigint" ? v.toString() : v;
  });
}

export const IDEMPOTENCY_HEADER = "idempotency-key";

export function readIdempotencyKey(h: Headers): string | null {
  const k = h.get(IDEMPOTENCY_HEADER)?.trim();
  if (!k) return null;
  if (k.length > 200)
    throw new AppError("INVALID", "Idempotency-Key too long", {
      fields: [{ path: "Idempotency-Key", message: "too long" }],
    });
  return k;
}

const keyOwner = (actor: Actor) => `${actor.kind}:${actor.id}`;

/**
 * The INSERT that stores an Idempotency-Key with its request's fingerprint and the id its
 * record gets: runIdempotent's first step, and part of createOnce's one-statement create
 * (where a key already stored makes the statement fail, and the call take runIdempotent).
 */
export function idempotencyKeyInsert(opts: {
  actor: Actor;
  key: string;
  entity: string;
  fingerprint: string;
  resultId?: string;
}): Prisma.Sql {
  return Prisma.sql`INSERT INTO idempotency_keys (actor_key, key, fingerprint, entity, result_id)
    VALUES (${keyOwner(opts.actor)}, ${opts.key}, ${opts.fingerprint}, ${opts.entity}, ${opts.resultId ?? null})`;
}

/**
 * Runs create() at most once per (actor, key), inside the caller's transaction.
 * Concurrent requests with the same key wait on the key's row; when the first commits
 * they get its result (replayed = true). A different body under the same key is a 409.
 * With no key, create() simply runs. `resultId`, the id create() will give its record when
 * the caller made it beforehand, is stored with the key at once, which saves the round trip
 * that records it afterwards (unless create() answers with another record, e.g. a replay).
 */
export async function runIdempotent<T extends { id: string }>(
  tx: Tx,
  opts: { actor: Actor; key: string | null; entity: string; fingerprint: string; resultId?: string },
  create: () => Promise<T>,
  load: (id: string) => Promise<T | null>,
): Promise<{ record: T; replayed: boolean }> {
  if (!opts.key) return { record: await create(), replayed: false };
  const actorKey = keyOwner(opts.actor);
  const inserted = await tx.$queryRaw<{ key: string }[]>`
    ${idempotencyKeyInsert({ ...opts, key: opts.key })} ON CONFLICT DO NOTHING RETURNING key`;
  if (inserted.length === 0) {
    const [prior] = await tx.$queryRaw<{ fingerprint: string; entity: string; result_id: string | null }[]>`
      SELECT fingerprint, entity, result_id FROM idempotency_keys WHERE actor_key = ${actorKey} AND key = ${opts.key}`;
    if (!prior || prior.fingerprint !== opts.fingerprint || prior.entity !== opts.entity || !prior.result_id) {
      throw new AppError("CONFLICT", "Idempotency-Key was already used for a different request", {
        details: { idempotencyKey: opts.key },
      });
    }
    const record = await load(prior.result_id);
    if (!record) throw new AppError("CONFLICT", "Idempotency-Key refers to a record that no longer exists");
    return { record, replayed: true };
  }
  const record = await create();
  if (record.id !== opts.resultId)
    await tx.$executeRaw`UPDATE idempotency_keys SET result_id = ${record.id} WHERE actor_key = ${actorKey} AND key = ${opts.key}`;
  return { record, replayed: false };
}
