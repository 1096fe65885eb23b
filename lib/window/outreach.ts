import "server-only";
import { placer, unitData } from "@/lib/records/kernel";
import { db } from "@/lib/db";
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

export async function getOutreachTrip(actor: Actor, id: string) {
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

const refConflict = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002"
    ? new AppError("CONFLICT", "window.e.duplicate", {
        fields: [{ path: "externalRef", message: "window.e.duplicate" }],
      })
    : err;

/** Creates a trip, or edits one in scope when input.id is given. */
export async function saveOutreachTrip({ actor, input }: { actor: Actor; input: OutreachTripInput }) {
  assertMayRecordTrips(actor);
  try {
    if (input.id) {
      const before = await db.outreachTrip.findFirst({
        where: { id: input.id, unitPath: underPath(actor.unitPath) },
        select: tripSelect,
      });
      if (!before) throw new AppError("NOT_FOUND", "trip not found");
      return await db.$transaction(async (tx) => {
        const after = await tx.outreachTrip.update({
          where: { id: before.id },
          data: tripData(input),
          select: tripSelect,
        });
        await writeAudit(tx, actor, {
          action: "window.trip.update",
          entity: "window_outreach_trip",
          entityId: before.id,
          ...diff(before, after),
          unitId: before.unitId,
          unitPath: before.unitPath,
        });
        return after;
      });
    }
    const unit = unitData(await placer(actor).place({ unitCode: input.unitCode }));
    return await db.$transaction(async (tx) => {
      const trip = await tx.outreachTrip.create({
        data: { ...unit, ...tripData(input), externalRef: input.externalRef ?? null, createdById: actor.userId },
        select: tripSelect,
      });
      await writeAudit(tx, actor, {
        action: "window.trip.create",
        entity: "window_outreach_trip",
        entityId: trip.id,
        after: trip,
        unitId: trip.unitId,
        unitPath: trip.unitPath,
      });
      return trip;
    });
  } catch (err) {
    throw refConflict(err);
  }
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

export async function getServicePoint(actor: Actor, id: string) {
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

const nameConflict = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002"
    ? new AppError("CONFLICT", "window.e.pointName", { fields: [{ path: "name", message: "window.e.pointName" }] })
    : err;

/** Creates a service point, or edits one in scope when input.id is given. */
export async function saveServicePoint({ actor, input }: { actor: Actor; input: ServicePointInput }) {
  assertCan(actor, "window.manage");
  try {
    if (input.id) {
      const before = await db.servicePoint.findFirst({
        where: { id: input.id, unitPath: underPath(actor.unitPath) },
        select: pointSelect,
      });
      if (!before) throw new AppError("NOT_FOUND", "service point not found");
      return await db.$transaction(async (tx) => {
        const after = await tx.servicePoint.update({
          where: { id: before.id },
          data: pointData(input),
          select: pointSelect,
        });
        await writeAudit(tx, actor, {
          action: "window.point.update",
          entity: "window_service_point",
          entityId: before.id,
          ...diff(before, after),
          unitId: before.unitId,
          unitPath: before.unitPath,
        });
        return after;
      });
    }
    const unit = unitData(await placer(actor).place({ unitCode: input.unitCode }));
    return await db.$transaction(async (tx) => {
      const point = await tx.servicePoint.create({ data: { ...unit, ...pointData(input) }, select: pointSelect });
      await writeAudit(tx, actor, {
        action: "window.point.create",
        entity: "window_service_point",
        entityId: point.id,
        after: point,
        unitId: point.unitId,
        unitPath: point.unitPath,
      });
      return point;
    });
  } catch (err) {
    throw nameConflict(err);
  }
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
