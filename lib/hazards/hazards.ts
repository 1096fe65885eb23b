import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath, pathLike } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";
import { createRecord, locationData, lockInScope, placer, recordData, recorderData } from "@/lib/records/kernel";
import { addDays, dayString, localDate, localDayStart } from "@/lib/time";
import type { CreateHazardInput, ListHazardsInput, UpdateHazardInput } from "./schemas";
import { scopePathFor } from "@/lib/units/read-units";
import { idOrNotFound } from "@/lib/validation";

/** Open or rectifying past its deadline (Asia/Shanghai calendar). */
export function hazardOverdue(h: { status: string; deadline: Date }, now = new Date()): boolean {
  return h.status !== "closed" && dayString(h.deadline) < localDate(now);
}

/** Records a hazard point (隐患) for a unit to rectify by a deadline. */
export async function createHazard({
  actor,
  input,
  idempotencyKey,
  blackSpotCell,
}: {
  actor: Actor;
  input: CreateHazardInput;
  idempotencyKey?: string | null;
  blackSpotCell?: string;
}) {
  assertCan(actor, "hazard.manage");
  const place = await placer(actor).place(input);
  const foundAt = input.foundAt ?? new Date();
  // deadline is a calendar date (UTC midnight, as @db.Date stores it); compare dates, not instants.
  if (dayString(input.deadline) < localDate(foundAt)) {
    throw new AppError("INVALID", "invalid input", {
      fields: [{ path: "deadline", message: "hazards.validation.deadlineBeforeFound" }],
    });
  }
  return createRecord({
    actor,
    model: "hazard",
    entity: "hazard",
    idempotencyKey,
    content: { ...input, blackSpotCell },
    externalRef: input.externalRef,
    data: {
      ...recordData(place),
      foundAt,
      ...locationData(input),
      title: input.title,
      description: input.description,
      source: input.source,
      responsibleParty: input.responsibleParty ?? null,
      deadline: input.deadline,
      blackSpotCell: blackSpotCell ?? null,
      ...recorderData(actor),
    },
    notify: (row) => ({ topic: "hazard", data: { id: row.id, status: row.status, lat: row.lat, lng: row.lng } }),
  });
}

const STEPS: Record<string, string[]> = { open: ["rectifying", "closed"], rectifying: ["closed", "open"], closed: [] };

/** Edits a hazard or moves it open → rectifying → closed (closing needs a note). */
export async function updateHazard({ actor, input }: { actor: Actor; input: UpdateHazardInput }) {
  assertCan(actor, "hazard.manage");
  return db.$transaction(async (tx) => {
    const h = await lockInScope({
      tx,
      actor,
      table: "hazards",
      id: input.id,
      read: (where) => tx.hazard.findFirst({ where }),
    });
    if (input.expectedUpdatedAt && h.updatedAt.getTime() !== input.expectedUpdatedAt.getTime())
      throw new AppError("CONFLICT", "records.staleEdit");
    const data: Prisma.HazardUpdateInput = {};
    for (const k of ["title", "description", "responsibleParty", "deadline"] as const)
      if (input[k] !== undefined) (data as Record<string, unknown>)[k] = input[k];
    if (input.status && input.status !== h.status) {
      if (!STEPS[h.status].includes(input.status))
        throw new AppError("CONFLICT", "records.statusStep", {
          fields: [{ path: "status", message: "records.statusStep" }],
        });
      data.status = input.status;
      if (input.status === "closed")
        Object.assign(data, { closingNote: input.closingNote, closedAt: new Date(), closedById: actor.userId });
    }
    if (h.status === "closed" && Object.keys(data).length) throw new AppError("CONFLICT", "hazards.closedIsFinal");
    const before: Record<string, unknown> = Object.fromEntries(
      Object.keys(data).map((k) => [k, h[k as keyof typeof h]]),
    );
    const changes = diff(before, data as Record<string, unknown>);
    if (!Object.keys(changes.after).length) return h;
    const updated = await tx.hazard.update({ where: { id: h.id }, data });
    await writeAudit(tx, actor, {
      action: data.status ? `hazard.${data.status}` : "hazard.update",
      entity: "hazard",
      entityId: h.id,
      ...changes,
      unitId: h.unitId,
      unitPath: h.unitPath,
    });
    return updated;
  });
}

export async function hazardWhere({
  actor,
  input,
}: {
  actor: Actor;
  input: Pick<ListHazardsInput, "status" | "source" | "unit" | "from" | "to">;
}): Promise<Prisma.HazardWhereInput> {
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const and: Prisma.HazardWhereInput[] = [{ unitPath: underPath(path) }];
  if (input.status) and.push({ status: input.status });
  if (input.source) and.push({ source: input.source });
  if (input.from) and.push({ foundAt: { gte: localDayStart(input.from) } });
  if (input.to) and.push({ foundAt: { lt: localDayStart(addDays(input.to, 1)) } });
  return { AND: and };
}

/** Hazards in scope, newest first, keyset-paginated on (found_at, id). */
export async function listHazards({ actor, input }: { actor: Actor; input: ListHazardsInput }) {
  assertCan(actor, "hazard.view");
  const where = await hazardWhere({ actor, input });
  const c = decodeCursor(input.cursor);
  const after: Prisma.HazardWhereInput | null = c
    ? { OR: [{ foundAt: { lt: new Date(c.sortValue) } }, { foundAt: new Date(c.sortValue), id: { lt: c.id } }] }
    : null;
  const rows = await db.hazard.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy: [{ foundAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => r.foundAt);
}

/**
 * The hazards board: every open and rectifying hazard (by deadline, overdue first) and
 * those closed in the last 30 days.
 */
export async function hazardBoard({ actor, unit }: { actor: Actor; unit?: string }) {
  assertCan(actor, "hazard.view");
  const path = await scopePathFor({ actor, unitCode: unit });
  const since = new Date(Date.now() - 30 * 86400_000);
  const [active, closed] = await Promise.all([
    db.hazard.findMany({
      where: { unitPath: underPath(path), status: { in: ["open", "rectifying"] } },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      take: 500,
    }),
    db.hazard.findMany({
      where: { unitPath: underPath(path), status: "closed", closedAt: { gte: since } },
      orderBy: { closedAt: "desc" },
      take: 100,
    }),
  ]);
  return {
    open: active.filter((h) => h.status === "open"),
    rectifying: active.filter((h) => h.status === "rectifying"),
    closed,
  };
}

export async function getHazard({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "hazard.view");
  idOrNotFound(id, "hazard");
  const h = await db.hazard.findFirst({ where: { id, unitPath: underPath(actor.unitPath) } });
  if (!h) throw new AppError("NOT_FOUND", "hazard not found");
  return h;
}

/**
 * Closure rate per unit (brigades and squads in scope) for hazards found in [from, to):
 * found, closed, open past deadline, rate = closed / found.
 */
export async function hazardClosureRates({ actor, from, to }: { actor: Actor; from: Date; to: Date }) {
  assertCan(actor, "hazard.view");
  const today = localDate(new Date());
  const rows = await db.$queryRaw<{ unit_id: string; found: bigint; closed: bigint; overdue: bigint }[]>`
    SELECT unit_id,
           count(*) AS found,
           count(*) FILTER (WHERE status = 'closed') AS closed,
           count(*) FILTER (WHERE status <> 'closed' AND deadline < ${today}::date) AS overdue
      FROM hazards
     WHERE unit_path LIKE ${pathLike(actor.unitPath)} AND found_at >= ${from} AND found_at < ${to}
     GROUP BY unit_id`;
  return rows.map((r) => {
    const found = Number(r.found);
    const closed = Number(r.closed);
    return { unitId: r.unit_id, found, closed, overdue: Number(r.overdue), rate: found ? closed / found : null };
  });
}
