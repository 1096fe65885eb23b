import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  /** verb-ish key, e.g. "user.create", "unit.move", "violation.reveal_id" */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Unit the change belongs to (defaults to the actor's). */
  unitId?: string | null;
  unitPath?: string | null;
}

const SECRET_KEYS = new Set(["passwordHash", "password", "tokenHash", "token"]);

/** JSON-safe copy: dates to ISO strings, bigint to string, secrets dropped. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (k, v) => {
      if (SECRET_KEYS.has(k)) return undefined;
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  );
}

/**
 * Appends one audit row. Call it with the transaction that makes the change, so the
 * change and its record commit or fail together.
 */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorName: actor.name,
      actorRole: actor.role,
      unitId: entry.unitId === undefined ? actor.unitId : entry.unitId,
      unitPath: entry.unitPath === undefined ? actor.unitPath : entry.unitPath,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      ip: actor.meta.ip,
      requestId: actor.meta.requestId,
    },
    select: { id: true },
  });
}

/**
 * The audit row of a record written by the same statement (createOnce's one-statement
 * create): an INSERT … SELECT from the CTE `from`, which holds the stored row (its `id`,
 * `unit_id`, `unit_path`). `after` is SQL, so it can include what the database set.
 */
export function auditFromRow({
  actor,
  action,
  entity,
  after,
  from,
}: {
  actor: Actor;
  action: string;
  entity: string;
  after: Prisma.Sql;
  from: string;
}): Prisma.Sql {
  const r = Prisma.raw(`"${from}"`);
  return Prisma.sql`INSERT INTO audit_logs (actor_user_id, actor_token_id, actor_name, actor_role, unit_id, unit_path, action, entity, entity_id, after, ip, request_id)
    SELECT ${actor.userId}::uuid, ${actor.tokenId}::uuid, ${actor.name}, ${actor.role}, ${r}.unit_id, ${r}.unit_path,
           ${action}, ${entity}, ${r}.id::text, ${after}, ${actor.meta.ip}, ${actor.meta.requestId}
    FROM ${r}`;
}

/** Only the fields that changed, for compact before/after pairs. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const x = before[key];
    const y = after[key];
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y as T[keyof T];
    }
  }
  return { before: b, after: a };
}

/** The same row through a plain node-postgres client (bulk paths that use COPY). */
export async function writeAuditPg(
  client: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  const j = (v: unknown) => {
    const x = toAuditJson(v);
    return x === undefined ? null : JSON.stringify(x);
  };
  await client.query(
    `INSERT INTO audit_logs (actor_user_id, actor_token_id, actor_name, actor_role, unit_id, unit_path, action, entity, entity_id, before, after, ip, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13)`,
    [
      actor.userId,
      actor.tokenId,
      actor.name,
      actor.role,
      entry.unitId === undefined ? actor.unitId : entry.unitId,
      entry.unitPath === undefined ? actor.unitPath : entry.unitPath,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      j(entry.before),
      j(entry.after),
      actor.meta.ip,
      actor.meta.requestId,
    ],
  );
}
