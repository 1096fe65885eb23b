import "server-only";
import { readDb as db } from "@/lib/db-read";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { plateWhere, recordListWhere } from "@/lib/records/list-where";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";

import type { ListViolationsInput } from "./schemas";

/** The fields of a violation that a list row and an export both show. */
export const violationRowSelect = {
  id: true,
  unitId: true,
  occurredAt: true,
  lat: true,
  lng: true,
  address: true,
  roadName: true,
  plate: true,
  plateColor: true,
  vehicleType: true,
  typeKey: true,
  serious: true,
  source: true,
  driverName: true,
  driverIdNumber: true,
  licenceNumber: true,
  fineYuan: true,
  points: true,
  licenceSeized: true,
  detentionDays: true,
  status: true,
  externalRef: true,
  notes: true,
} as const;

export const violationListSelect = {
  ...violationRowSelect,
  gridId: true,
  beatId: true,
  incidentId: true,
  recordedById: true,
  recordedByTokenId: true,
  operationId: true,
  createdAt: true,
  updatedAt: true,
  appeal: { select: { id: true, status: true, filedAt: true, dueAt: true, decidedAt: true } },
} as const;

/** The filter of a violation list, always inside the actor's scope (or a unit in it). */
export async function violationWhere({
  actor,
  input,
}: {
  actor: Actor;
  input: ListViolationsInput;
}): Promise<Prisma.ViolationWhereInput> {
  const and: Prisma.ViolationWhereInput[] = await recordListWhere({ actor, input });
  if (input.type) and.push({ typeKey: input.type });
  if (input.status) and.push({ status: input.status });
  if (input.source) and.push({ source: input.source });
  if (input.operation) and.push({ operationId: input.operation });
  if (input.serious !== undefined) and.push({ serious: input.serious });
  if (input.plate) and.push(plateWhere(input.plate));
  return { AND: and };
}

/** Violations in scope matching the filters, keyset-paginated on (occurred_at, id). */
export async function listViolations({ actor, input }: { actor: Actor; input: ListViolationsInput }) {
  assertCan(actor, "violation.view");
  const where = await violationWhere({ actor, input });
  const desc = input.sort === "newest";
  const cursor = decodeCursor(input.cursor);
  const after: Prisma.ViolationWhereInput | null = cursor
    ? {
        OR: [
          { occurredAt: desc ? { lt: new Date(cursor.sortValue) } : { gt: new Date(cursor.sortValue) } },
          { occurredAt: new Date(cursor.sortValue), id: desc ? { lt: cursor.id } : { gt: cursor.id } },
        ],
      }
    : null;
  const rows = await db.violation.findMany({
    where: after ? { AND: [where, after] } : where,
    select: violationListSelect,
    orderBy: [{ occurredAt: desc ? "desc" : "asc" }, { id: desc ? "desc" : "asc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => r.occurredAt);
}

/** How many violations match the filters (the list's "N records"). */
export async function countViolations({ actor, input }: { actor: Actor; input: ListViolationsInput }) {
  assertCan(actor, "violation.view");
  return db.violation.count({ where: await violationWhere({ actor, input }) });
}
