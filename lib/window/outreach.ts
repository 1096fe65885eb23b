import "server-only";
import { placer, unitData } from "@/lib/records/kernel";
import { db, type Tx } from "@/lib/db";
import { assertCan, can, type Actor, underPath } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OutreachTripInput, ServicePointInput } from "./schemas";
import { dayString, dayValue } from "@/lib/time";

/** Trips are logged by the clerks who go on them, or by whoever manages the window. */
function assertMayRecordTrips(actor: Actor) {
  if (!can(actor, "window.serve") && !can(actor, "window.manage")) assertCan(actor, "window.manage");
}

const tripSelect = {
  id: true,
  unitId: true,
  unitPath: true,
  brigadeId: true,
  tripDate: true,
  township: true,
  venue: true,
  examSessions: true,
  candidates: true,
  passed: true,
  notes: true,
  externalRef: true,
  createdAt: true,
} as const;

/** Trips in scope, newest first, with how many transactions each one logged. */
export async function listOutreachTrips({ actor, year }: { actor: Actor; year?: number }) {
  assertCan(actor, "window.view");
  const trips = await db.outreachTrip.findMany({
    where: {
      unitPath: underPath(actor.unitPath),
      ...(year ? { tripDate: { gte: dayValue(`${year}-01-01`), lt: dayValue(`${year + 1}-01-01`) } } : {}),
    },
    select: { ...tripSelect, _count: { select: { transactions: true } } },
    orderBy: [{ tripDate: "desc" }, { id: "desc" }],
    take: 500,
  });
  return trips.map((t) => ({ ...t, tripDate: dayString(t.tripDate)!, transactions: t._count.transactions }));
}

export async function getOutreachTrip({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "window.view");
  const t = await db.outreachTrip.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    select: { ...tripSelect, _count: { select: { transactions: true } } },
  });
  return t ? { ...t, tripDate: dayString(t.tripDate)!, transactions: t._count.transactions } : null;
}

function tripData(input: OutreachTripInput) {
  return {
    tripDate: dayValue(input.tripDate),
    township: input.township,
    venue: input.venue ?? null,
    examSessions: input.examSessions,
    candidates: input.candidates,
    passed: input.passed ?? null,
    notes: input.notes ?? null,
  };
}

/** Maps a unique-key violation to a 409 on `path` with message `key`. */
const conflictOn = (path: string, key: string) => (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002"
    ? new AppError("CONFLICT", key, { fields: [{ path, message: key }] })
    : err;

type Placed = { id: string; unitId: string; unitPath: string } & Record<string, unknown>;

/**
 * Create-or-edit in scope, audited in the same transaction: with `id`, finds the row in the
 * actor's scope (404 otherwise) and updates it; without, places it by `unitCode` and creates it.
 */
async function saveInScope<R extends Placed>(opts: {
  actor: Actor;
  id?: string;
  unitCode?: string;
  entity: string;
  actions: { create: string; update: string };
  notFound: string;
  conflict: (err: unknown) => unknown;
  find: (where: { id: string; unitPath: ReturnType<typeof underPath> }) => Promise<R | null>;
  update: (tx: Tx, id: string) => Promise<R>;
  create: (tx: Tx, unit: ReturnType<typeof unitData>) => Promise<R>;
}): Promise<R> {
  const { actor, entity, actions } = opts;
  try {
    if (opts.id) {
      const before = await opts.find({ id: opts.id, unitPath: underPath(actor.unitPath) });
      if (!before) throw new AppError("NOT_FOUND", opts.notFound);
      return await db.$transaction(async (tx) => {
        const after = await opts.update(tx, before.id);
        await writeAudit(tx, actor, {
          action: actions.update,
          entity,
          entityId: before.id,
          ...diff(before, after),
          unitId: before.unitId,
          unitPath: before.unitPath,
        });
        return after;
      });
    }
    const unit = unitData(await placer(actor).place({ unitCode: opts.unitCode }));
    return await db.$transaction(async (tx) => {
      const row = await opts.create(tx, unit);
      await writeAudit(tx, actor, {
        action: actions.create,
        entity,
        entityId: row.id,
        after: row,
        unitId: row.unitId,
        unitPath: row.unitPath,
      });
      return row;
    });
  } catch (err) {
    throw opts.conflict(err);
  }
}

/** Creates a trip, or edits one in scope when input.id is given. */
export async function saveOutreachTrip({ actor, input }: { actor: Actor; input: OutreachTripInput }) {
  assertMayRecordTrips(actor);
  return saveInScope({
    actor,
    id: input.id,
    unitCode: input.unitCode,
    entity: "window_outreach_trip",
    actions: { create: "window.trip.create", update: "window.trip.update" },
    notFound: "trip not found",
    conflict: conflictOn("externalRef", "window.e.duplicate"),
    find: (where) => db.outreachTrip.findFirst({ where, select: tripSelect }),
    update: (tx, id) => tx.outreachTrip.update({ where: { id }, data: tripData(input), select: tripSelect }),
    create: (tx, unit) =>
      tx.outreachTrip.create({
        data: { ...unit, ...tripData(input), externalRef: input.externalRef ?? null, createdById: actor.userId },
        select: tripSelect,
      }),
  });
}

const pointSelect = {
  id: true,
  unitId: true,
  unitPath: true,
  brigadeId: true,
  name: true,
  township: true,
  village: true,
  partner: true,
  address: true,
  lat: true,
  lng: true,
  phone: true,
  openedOn: true,
  closedOn: true,
  createdAt: true,
} as const;

/** Service points in scope with their transaction counts; open points first. */
export async function listServicePoints({ actor }: { actor: Actor }) {
  assertCan(actor, "window.view");
  const rows = await db.servicePoint.findMany({
    where: { unitPath: underPath(actor.unitPath) },
    select: { ...pointSelect, _count: { select: { transactions: true } } },
    orderBy: [{ unitPath: "asc" }, { township: "asc" }, { name: "asc" }],
  });
  return rows
    .map((p) => ({
      ...p,
      openedOn: dayString(p.openedOn),
      closedOn: dayString(p.closedOn),
      transactions: p._count.transactions,
    }))
    .sort((a, b) => Number(!!a.closedOn) - Number(!!b.closedOn));
}

export async function getServicePoint({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "window.view");
  const p = await db.servicePoint.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    select: { ...pointSelect, _count: { select: { transactions: true } } },
  });
  return p
    ? { ...p, openedOn: dayString(p.openedOn), closedOn: dayString(p.closedOn), transactions: p._count.transactions }
    : null;
}

function pointData(input: ServicePointInput) {
  return {
    name: input.name,
    township: input.township ?? null,
    village: input.village,
    partner: input.partner ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    phone: input.phone ?? null,
    openedOn: input.openedOn ? dayValue(input.openedOn) : null,
    closedOn: input.closedOn ? dayValue(input.closedOn) : null,
  };
}

/** Creates a service point, or edits one in scope when input.id is given. */
export async function saveServicePoint({ actor, input }: { actor: Actor; input: ServicePointInput }) {
  assertCan(actor, "window.manage");
  return saveInScope({
    actor,
    id: input.id,
    unitCode: input.unitCode,
    entity: "window_service_point",
    actions: { create: "window.point.create", update: "window.point.update" },
    notFound: "service point not found",
    conflict: conflictOn("name", "window.e.pointName"),
    find: (where) => db.servicePoint.findFirst({ where, select: pointSelect }),
    update: (tx, id) => tx.servicePoint.update({ where: { id }, data: pointData(input), select: pointSelect }),
    create: (tx, unit) => tx.servicePoint.create({ data: { ...unit, ...pointData(input) }, select: pointSelect }),
  });
}

/** Trips and points a clerk can pick on the clerk screen (recent trips, open points). */
export async function placeOptions(actor: Actor) {
  assertCan(actor, "window.serve");
  const since = new Date(Date.now() - 60 * 86400_000);
  const [trips, points] = await Promise.all([
    db.outreachTrip.findMany({
      where: {
        unitPath: underPath(actor.unitPath),
        tripDate: { gte: dayValue(since.toISOString().slice(0, 10)) },
      },
      select: { id: true, tripDate: true, township: true },
      orderBy: { tripDate: "desc" },
      take: 20,
    }),
    db.servicePoint.findMany({
      where: { unitPath: underPath(actor.unitPath), closedOn: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    trips: trips.map((t) => ({ id: t.id, label: `${dayString(t.tripDate)} ${t.township}` })),
    points: points.map((p) => ({ id: p.id, label: p.name })),
  };
}
