import "server-only";
import { db } from "@/lib/db";
import { assertCan, escapeLike, type Actor, underPath } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, localDayStart } from "@/lib/time";
import type { ListAuditInput } from "./schemas";

const isRootScope = (actor: Actor) => actor.unitPath.split("/").filter(Boolean).length === 1;

function scopeWhere(actor: Actor): Prisma.AuditLogWhereInput {
  // Rows with no unit (sign-in attempts for unknown names) are shown to root-level admins only.
  return isRootScope(actor)
    ? { OR: [{ unitPath: underPath(actor.unitPath) }, { unitPath: null }] }
    : { unitPath: underPath(actor.unitPath) };
}

/** Audit rows in the actor's scope, newest first, keyset-paginated on id. */
export async function listAudit({ actor, input }: { actor: Actor; input: ListAuditInput }) {
  assertCan(actor, "admin.audit");
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      scopeWhere(actor),
      input.action ? { action: { startsWith: escapeLike(input.action) } } : {},
      input.entity ? { entity: input.entity } : {},
      input.entityId ? { entityId: input.entityId } : {},
      input.actor ? { actorName: { contains: input.actor } } : {},
      input.from ? { at: { gte: localDayStart(input.from) } } : {},
      input.to ? { at: { lt: localDayStart(addDays(input.to, 1)) } } : {},
      input.cursor ? { id: { lt: BigInt(input.cursor) } } : {},
    ],
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1 });
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: more ? items[items.length - 1].id.toString() : null };
}

/**
 * The history of one record, for detail pages. The caller has already loaded the record
 * through its own scoped read, so no permission beyond that is asked here.
 */
export async function listEntityHistory({
  actor,
  entity,
  entityId,
}: {
  actor: Actor;
  entity: string;
  entityId: string;
}) {
  return db.auditLog.findMany({
    where: { AND: [scopeWhere(actor), { entity, entityId }] },
    orderBy: { id: "asc" },
    take: 200,
  });
}
