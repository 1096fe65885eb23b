import "server-only";
import { db } from "@/lib/db";
import { can, inScope, underPath, type Actor } from "@/lib/auth/actor";
import { settingsFor } from "@/lib/duty/settings";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskPhone } from "@/lib/identity/id-card";
import { decodeCursor, toPage } from "@/lib/pagination";
import { unitRef, unitsById, type UnitInfo } from "@/lib/records/units";
import { addDays, localDayStart } from "@/lib/time";
import { scopePathFor } from "@/lib/units/read-units";
import { idOrNotFound } from "@/lib/validation";
import { overdueFlags } from "./rules";
import { OPEN_STATUSES, type ListIncidentsInput } from "./schemas";

export const incidentInclude = {
  dispatches: { orderBy: { dispatchedAt: "asc" } },
} as const satisfies Prisma.IncidentInclude;

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentInclude }>;
type DispatchRow = IncidentRow["dispatches"][number];

export const standingDispatch = (i: { dispatches: DispatchRow[] }) => i.dispatches.find((d) => !d.endedAt) ?? null;

/** Whether the actor was ever sent to this incident (a responder sees only those). */
const wasSent = (actor: Actor, i: { dispatches: DispatchRow[] }) =>
  !!actor.userId && i.dispatches.some((d) => d.userIds.includes(actor.userId!));

/**
 * One incident the actor may see: in their scope, and either the desk's permission
 * (incident.view) or a responder who was sent to it. Anything else is a 404 (existence is
 * not disclosed), as for every record.
 */
export async function incidentForActor({ actor, id }: { actor: Actor; id: string }): Promise<IncidentRow> {
  if (!can(actor, "incident.view") && !can(actor, "incident.respond"))
    throw new AppError("FORBIDDEN", "missing permission incident.view");
  idOrNotFound(id, "incident");
  const row = await db.incident.findUnique({ where: { id }, include: incidentInclude });
  // A person sent to it sees it even when it lies above their squad (dispatch names only
  // people of the incident's brigade); otherwise the desk's permission and scope.
  if (!row || !((can(actor, "incident.view") && inScope(actor, row.unitPath)) || wasSent(actor, row)))
    throw new AppError("NOT_FOUND", "incident not found");
  return row;
}

/** Display names of people by id (users are never deleted). */
export async function peopleById(ids: Iterable<string | null | undefined>) {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, { id: string; name: string; role: string; phone: string | null }>();
  const rows = await db.user.findMany({
    where: { id: { in: list } },
    select: { id: true, displayName: true, role: true, phone: true },
  });
  return new Map(rows.map((u) => [u.id, { id: u.id, name: u.displayName, role: u.role, phone: u.phone }]));
}

type People = Awaited<ReturnType<typeof peopleById>>;

const person = (people: People, id: string | null | undefined) => {
  const p = id ? people.get(id) : undefined;
  return p ? { id: p.id, name: p.name } : null;
};

function dispatchJson(d: DispatchRow, people: People) {
  return {
    id: d.id,
    userIds: d.userIds,
    people: d.userIds.map((u) => person(people, u) ?? { id: u, name: "" }),
    dispatchedAt: d.dispatchedAt,
    dispatchedBy: person(people, d.dispatchedById),
    endedAt: d.endedAt,
    endReason: d.endReason,
  };
}

export interface JsonContext {
  units: Map<string, UnitInfo>;
  people: People;
  grids: Map<string, { id: string; name: string }>;
  limits: Map<string, { acceptWithinMin: number; arriveWithinMin: number }>;
  now: number;
}

/** What a list of incidents needs to be shown: units, people, grid names, overdue limits. */
export async function jsonContext(rows: IncidentRow[]): Promise<JsonContext> {
  const gridIds = [...new Set(rows.map((r) => r.gridId).filter((g): g is string => !!g))];
  const [units, people, grids, limits] = await Promise.all([
    unitsById(rows.map((r) => r.unitId)),
    peopleById(
      rows.flatMap((r) => [
        r.recordedById,
        r.acceptedById,
        r.arrivedById,
        r.handledById,
        r.closedById,
        r.cancelledById,
        ...r.dispatches.flatMap((d) => [d.dispatchedById, d.endedById, ...d.userIds]),
      ]),
    ),
    gridIds.length
      ? db.grid
          .findMany({ where: { id: { in: gridIds } }, select: { id: true, name: true } })
          .then((g) => new Map(g.map((x) => [x.id, x])))
      : Promise.resolve(new Map<string, { id: string; name: string }>()),
    settingsFor([...new Set(rows.map((r) => r.brigadeId))]),
  ]);
  return { units, people, grids, limits, now: Date.now() };
}

/**
 * An incident as the API and the screens get it. The caller's phone is only ever masked
 * here; the full number goes through revealCallerPhone (audited).
 */
export function incidentJson(i: IncidentRow, ctx: JsonContext) {
  const standing = standingDispatch(i);
  const limits = ctx.limits.get(i.brigadeId) ?? { acceptWithinMin: 3, arriveWithinMin: 20 };
  return {
    id: i.id,
    unitCode: ctx.units.get(i.unitId)?.code ?? null,
    unit: unitRef(ctx.units.get(i.unitId)),
    gridId: i.gridId,
    grid: i.gridId ? (ctx.grids.get(i.gridId) ?? null) : null,
    beatId: i.beatId,
    recordedById: i.recordedById,
    recordedBy: person(ctx.people, i.recordedById),
    source: i.source,
    kind: i.kind,
    priority: i.priority,
    status: i.status,
    callerName: i.callerName,
    callerPhoneMasked: i.callerPhone ? maskPhone(i.callerPhone) : null,
    lat: i.lat,
    lng: i.lng,
    address: i.address,
    roadName: i.roadName,
    kmMarker: i.kmMarker,
    description: i.description,
    receivedAt: i.receivedAt,
    dispatchedAt: i.dispatchedAt,
    acceptedAt: i.acceptedAt,
    arrivedAt: i.arrivedAt,
    arrivedAuto: i.arrivedAuto,
    handledAt: i.handledAt,
    closedAt: i.closedAt,
    outcome: i.outcome,
    feedback: i.feedbackReached === null ? null : { reached: i.feedbackReached, satisfied: i.feedbackSatisfied },
    cancelledAt: i.cancelledAt,
    cancelReason: i.cancelReason,
    dispatch: standing ? dispatchJson(standing, ctx.people) : null,
    overdue: overdueFlags({ status: i.status, dispatchAt: standing?.dispatchedAt ?? null }, limits, ctx.now),
    limits,
    externalRef: i.externalRef,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}
export type IncidentJson = ReturnType<typeof incidentJson>;

/** The filter of an incident list, always inside the actor's scope (or a unit in it). */
async function incidentWhere(actor: Actor, input: ListIncidentsInput): Promise<Prisma.IncidentWhereInput> {
  // A responder (no desk permission) lists only what they were sent to, wherever in their brigade.
  const and: Prisma.IncidentWhereInput[] = can(actor, "incident.view")
    ? [{ unitPath: underPath(await scopePathFor({ actor, unitCode: input.unit })) }]
    : [{ dispatches: { some: { userIds: { has: actor.userId ?? "" } } } }];
  if (input.from) and.push({ receivedAt: { gte: localDayStart(input.from) } });
  if (input.to) and.push({ receivedAt: { lt: localDayStart(addDays(input.to, 1)) } });
  if (input.status) and.push({ status: input.status });
  if (input.open) and.push({ status: { in: [...OPEN_STATUSES] } });
  if (input.kind) and.push({ kind: input.kind });
  if (input.source) and.push({ source: input.source });
  if (input.grid) and.push({ gridId: input.grid });
  if (input.beat) and.push({ beatId: input.beat });
  return { AND: and };
}

/** Incidents in scope, newest call first, keyset-paginated on (received_at, id). */
export async function listIncidents({ actor, input }: { actor: Actor; input: ListIncidentsInput }) {
  if (!can(actor, "incident.view") && !can(actor, "incident.respond"))
    throw new AppError("FORBIDDEN", "missing permission incident.view");
  const where = await incidentWhere(actor, input);
  const c = decodeCursor(input.cursor);
  const after: Prisma.IncidentWhereInput | null = c
    ? {
        OR: [{ receivedAt: { lt: new Date(c.sortValue) } }, { receivedAt: new Date(c.sortValue), id: { lt: c.id } }],
      }
    : null;
  const rows = await db.incident.findMany({
    where: after ? { AND: [where, after] } : where,
    include: incidentInclude,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (r) => r.receivedAt);
  const ctx = await jsonContext(page.items);
  return { items: page.items.map((r) => incidentJson(r, ctx)), nextCursor: page.nextCursor };
}

/** The open incidents a responder is on now (standing dispatch names them), oldest first. */
export async function listMyIncidents({ actor }: { actor: Actor }) {
  if (!can(actor, "incident.respond")) throw new AppError("FORBIDDEN", "missing permission incident.respond");
  const rows = await db.incident.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      dispatches: { some: { endedAt: null, userIds: { has: actor.userId ?? "" } } },
    },
    include: incidentInclude,
    orderBy: [{ priority: "asc" }, { receivedAt: "asc" }],
    take: 20,
  });
  const ctx = await jsonContext(rows);
  return rows.map((r) => incidentJson(r, ctx));
}

export interface TimelineStep {
  step: "received" | "dispatched" | "redispatched" | "accepted" | "on_scene" | "handled" | "closed" | "cancelled";
  at: Date;
  by: { id: string; name: string } | null;
  /** Who was sent (dispatch steps). */
  to?: { id: string; name: string }[];
  auto?: boolean;
  note?: string | null;
}

/** Every step with its time and person, in order (each one also has its audit row). */
export function timelineOf(i: IncidentRow, people: People): TimelineStep[] {
  const steps: TimelineStep[] = [{ step: "received", at: i.receivedAt, by: person(people, i.recordedById) }];
  i.dispatches.forEach((d, n) =>
    steps.push({
      step: n === 0 ? "dispatched" : "redispatched",
      at: d.dispatchedAt,
      by: person(people, d.dispatchedById),
      to: d.userIds.map((u) => person(people, u) ?? { id: u, name: "" }),
    }),
  );
  if (i.acceptedAt) steps.push({ step: "accepted", at: i.acceptedAt, by: person(people, i.acceptedById) });
  if (i.arrivedAt)
    steps.push({ step: "on_scene", at: i.arrivedAt, by: person(people, i.arrivedById), auto: i.arrivedAuto });
  if (i.handledAt) steps.push({ step: "handled", at: i.handledAt, by: person(people, i.handledById) });
  if (i.closedAt) steps.push({ step: "closed", at: i.closedAt, by: person(people, i.closedById), note: i.outcome });
  if (i.cancelledAt)
    steps.push({ step: "cancelled", at: i.cancelledAt, by: person(people, i.cancelledById), note: i.cancelReason });
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * One incident with its timeline, every dispatch, and the records made from it (accidents
 * and violations link back through incident_id), the beat and the grid (record chain).
 */
export async function getIncident({ actor, input }: { actor: Actor; input: { id: string } }) {
  const row = await incidentForActor({ actor, id: input.id });
  const ctx = await jsonContext([row]);
  const [accidents, violations, beat] = await Promise.all([
    db.accident.findMany({
      where: { incidentId: row.id, unitPath: underPath(actor.unitPath) },
      select: { id: true, occurredAt: true, severity: true, deaths: true, injured: true, status: true },
      orderBy: { occurredAt: "asc" },
    }),
    db.violation.findMany({
      where: { incidentId: row.id, unitPath: underPath(actor.unitPath) },
      select: { id: true, occurredAt: true, typeKey: true, plate: true, status: true },
      orderBy: { occurredAt: "asc" },
    }),
    row.beatId
      ? db.beat.findUnique({
          where: { id: row.beatId },
          select: { id: true, startsAt: true, endsAt: true, shiftKind: true },
        })
      : null,
  ]);
  return {
    ...incidentJson(row, ctx),
    beat,
    timeline: timelineOf(row, ctx.people),
    dispatches: row.dispatches.map((d) => dispatchJson(d, ctx.people)),
    records: { accidents, violations },
  };
}
export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;

/** One incident row as JSON (the answer of a step or a dispatch). */
export async function oneIncidentJson(row: IncidentRow) {
  return incidentJson(row, await jsonContext([row]));
}
