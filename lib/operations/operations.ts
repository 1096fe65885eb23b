import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreateOperationInput, ListOperationsInput } from "@/lib/hazards/schemas";
import { decodeCursor, toPage } from "@/lib/pagination";
import { createRecord, placer, unitData } from "@/lib/records/kernel";

import { yearRange } from "@/lib/time";
import { scopePathFor } from "@/lib/units/read-units";
import { idOrNotFound } from "@/lib/validation";

/** Records a special campaign (专项整治) or a security escort task (安保任务) of a unit. */
export async function createOperation({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: CreateOperationInput;
  idempotencyKey?: string | null;
}) {
  assertCan(actor, "operation.manage");
  const place = await placer(actor).place({ unitCode: input.unitCode });
  return createRecord({
    actor,
    model: "operation",
    entity: "operation",
    idempotencyKey,
    content: input,
    externalRef: input.externalRef,
    data: {
      ...unitData(place),
      kind: input.kind,
      name: input.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      notes: input.notes ?? null,
      createdById: actor.userId,
    },
  });
}

/** Corrects an operation's name, period or notes. */
export async function updateOperation({
  actor,
  input,
}: {
  actor: Actor;
  input: Partial<CreateOperationInput> & { id: string };
}) {
  assertCan(actor, "operation.manage");
  return db.$transaction(async (tx) => {
    const op = await tx.operation.findFirst({ where: { id: input.id, unitPath: underPath(actor.unitPath) } });
    if (!op) throw new AppError("NOT_FOUND", "operation not found");
    const data = {
      name: input.name ?? op.name,
      kind: input.kind ?? op.kind,
      startsAt: input.startsAt ?? op.startsAt,
      endsAt: input.endsAt ?? op.endsAt,
      notes: input.notes ?? op.notes,
    };
    if (data.endsAt < data.startsAt)
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "endsAt", message: "hazards.validation.endsBeforeStart" }],
      });
    const changes = diff(
      { name: op.name, kind: op.kind, startsAt: op.startsAt, endsAt: op.endsAt, notes: op.notes },
      data,
    );
    if (!Object.keys(changes.after).length) return op;
    const updated = await tx.operation.update({ where: { id: op.id }, data });
    await writeAudit(tx, actor, {
      action: "operation.update",
      entity: "operation",
      entityId: op.id,
      ...changes,
      unitId: op.unitId,
      unitPath: op.unitPath,
    });
    return updated;
  });
}

/** Operations in scope, latest start first, with how many violations were recorded under each. */
export async function listOperations({ actor, input }: { actor: Actor; input: ListOperationsInput }) {
  assertCan(actor, "operation.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const and: Prisma.OperationWhereInput[] = [{ unitPath: underPath(path) }];
  if (input.kind) and.push({ kind: input.kind });
  if (input.year) {
    const { from, to } = yearRange(input.year);
    and.push({ startsAt: { gte: from, lt: to } });
  }
  const c = decodeCursor(input.cursor);
  if (c)
    and.push({
      OR: [{ startsAt: { lt: new Date(c.sortValue) } }, { startsAt: new Date(c.sortValue), id: { lt: c.id } }],
    });
  const rows = await db.operation.findMany({
    where: { AND: and },
    include: { _count: { select: { violations: true } } },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => r.startsAt);
}

/** Campaigns and escorts that started in a year, per kind (the annual report's figures). */
export async function countOperations({ actor, year, unit }: { actor: Actor; year: number; unit?: string }) {
  assertCan(actor, "operation.view");
  const path = await scopePathFor({ actor, unitCode: unit });
  const { from, to } = yearRange(year);
  const rows = await db.operation.groupBy({
    by: ["kind"],
    where: { unitPath: underPath(path), startsAt: { gte: from, lt: to } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.kind, r._count._all])) as Partial<Record<"campaign" | "escort", number>>;
}

export async function getOperation({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "operation.view");
  idOrNotFound(id, "operation");
  const op = await db.operation.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    include: { _count: { select: { violations: true } } },
  });
  if (!op) throw new AppError("NOT_FOUND", "operation not found");
  return op;
}

/** Operations running now or in the last week: the choices when a violation is recorded. */
export async function currentOperations(actor: Actor) {
  if (!actor.permissions.has("violation.create")) assertCan(actor, "operation.view");
  return db.operation.findMany({
    where: {
      unitPath: underPath(actor.unitPath),
      endsAt: { gte: new Date(Date.now() - 7 * 86400_000) },
      startsAt: { lte: new Date(Date.now() + 86400_000) },
    },
    select: { id: true, name: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: "desc" },
    take: 50,
  });
}
