import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { addDays, localDayStart } from "@/lib/time";
import { factScope, scopePathFor } from "@/lib/units/read-units";
import { isValidPlate } from "@/lib/vehicles/plate";

/** The filters every record list takes (violations, accidents): unit, local days, the chain links. */
export interface RecordListFilters {
  unit?: string;
  from?: string;
  to?: string;
  grid?: string;
  beat?: string;
  incident?: string;
  recordedBy?: string;
}

/** A condition on the columns every record table has; fits each table's Prisma where input. */
export interface RecordWhere {
  unitPath?: { startsWith: string };
  brigadeId?: string;
  occurredAt?: { gte?: Date; lt?: Date };
  gridId?: string;
  beatId?: string;
  incidentId?: string;
  recordedById?: string;
}

/**
 * The conditions of a record list's shared filters, always inside the actor's scope (or a
 * unit in it, 404 outside): `from`/`to` are local days, `to` inclusive. The kind adds its own.
 */
export async function recordListWhere({ actor, input }: { actor: Actor; input: RecordListFilters }) {
  const and: RecordWhere[] = [await factScope(await scopePathFor({ actor, unitCode: input.unit }))];
  if (input.from) and.push({ occurredAt: { gte: localDayStart(input.from) } });
  if (input.to) and.push({ occurredAt: { lt: localDayStart(addDays(input.to, 1)) } });
  if (input.grid) and.push({ gridId: input.grid });
  if (input.beat) and.push({ beatId: input.beat });
  if (input.incident) and.push({ incidentId: input.incident });
  if (input.recordedBy) and.push({ recordedById: input.recordedBy });
  return and;
}

/** A whole plate uses the plate index; part of one is a substring search within the other filters. */
export function plateWhere(plate: string) {
  return isValidPlate(plate) ? { plate } : { plate: { contains: plate } };
}
