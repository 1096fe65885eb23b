import "server-only";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { plateWhere, recordListWhere } from "@/lib/records/list-where";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskIdCard } from "@/lib/identity/id-card";
import { decodeCursor, toPage } from "@/lib/pagination";
import { unitRef, type UnitInfo } from "@/lib/records/units";
import type { ListAccidentsInput } from "./schemas";
import { idOrNotFound } from "@/lib/validation";

export async function accidentWhere({
  actor,
  input,
}: {
  actor: Actor;
  input: ListAccidentsInput;
}): Promise<Prisma.AccidentWhereInput> {
  const and: Prisma.AccidentWhereInput[] = await recordListWhere({ actor, input });
  if (input.severity) and.push({ severity: input.severity });
  if (input.status) and.push({ status: input.status });
  if (input.handling) and.push({ handling: input.handling });
  if (input.hitAndRun !== undefined) and.push({ hitAndRun: input.hitAndRun });
  if (input.major !== undefined) and.push({ major: input.major });
  if (input.plate) and.push({ parties: { some: plateWhere(input.plate) } });
  return { AND: and };
}

/** Accidents in scope matching the filters, keyset-paginated on (occurred_at, id). */
export async function listAccidents({ actor, input }: { actor: Actor; input: ListAccidentsInput }) {
  assertCan(actor, "accident.view");
  const where = await accidentWhere({ actor, input });
  const desc = input.sort === "newest";
  const c = decodeCursor(input.cursor);
  const after: Prisma.AccidentWhereInput | null = c
    ? {
        OR: [
          { occurredAt: desc ? { lt: new Date(c.sortValue) } : { gt: new Date(c.sortValue) } },
          { occurredAt: new Date(c.sortValue), id: desc ? { lt: c.id } : { gt: c.id } },
        ],
      }
    : null;
  const rows = await readDb.accident.findMany({
    where: after ? { AND: [where, after] } : where,
    include: { parties: true },
    orderBy: [{ occurredAt: desc ? "desc" : "asc" }, { id: desc ? "desc" : "asc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => r.occurredAt);
}

export async function countAccidents({ actor, input }: { actor: Actor; input: ListAccidentsInput }) {
  assertCan(actor, "accident.view");
  const where = await accidentWhere({ actor, input });
  const [total, grouped] = await Promise.all([
    readDb.accident.count({ where }),
    readDb.accident.aggregate({ where, _sum: { deaths: true, injured: true } }),
  ]);
  return { total, deaths: grouped._sum.deaths ?? 0, injured: grouped._sum.injured ?? 0 };
}

/** One accident in scope with its parties and recorder; 404 outside scope. */
export async function getAccident({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "accident.view");
  idOrNotFound(id, "accident");
  const a = await db.accident.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    include: { parties: true },
  });
  if (!a) throw new AppError("NOT_FOUND", "accident not found");
  const recorder = a.recordedById
    ? await db.user.findUnique({ where: { id: a.recordedById }, select: { displayName: true, badgeNumber: true } })
    : null;
  return { ...a, recorder };
}

type AccidentRow = Awaited<ReturnType<typeof listAccidents>>["items"][number];

/** An accident as the API returns it; parties' ID numbers masked. */
export function accidentJson(a: AccidentRow, units: Map<string, UnitInfo>) {
  const { unitPath: _p, brigadeId: _b, contentHash: _h, parties, ...rest } = a;
  return {
    ...rest,
    unitCode: units.get(a.unitId)?.code ?? null,
    unit: unitRef(units.get(a.unitId)),
    vehicles: parties.map(({ accidentId: _a, idNumber, ...p }) => ({
      ...p,
      idNumberMasked: idNumber ? maskIdCard(idNumber) : null,
    })),
  };
}
