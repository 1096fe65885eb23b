import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskIdCard, maskLicence } from "@/lib/identity/id-card";
import { decodeCursor, toPage } from "@/lib/pagination";
import { createRecord, placer, unitData } from "@/lib/records/kernel";

import { dayString, dayValue, localDate } from "@/lib/time";
import { idOrNotFound } from "@/lib/validation";
import type { EnterpriseInput, KeyDriverInput, KeyVehicleInput, ListKeyInput } from "./schemas";
import { scopePathFor } from "@/lib/units/read-units";

type Entity = "transport_enterprise" | "key_vehicle" | "key_driver";

/** An enterprise a vehicle or driver is attached to must be in the actor's scope. */
async function enterpriseInScope(tx: Tx | typeof db, actor: Actor, id: string | undefined) {
  if (!id) return;
  const e = await tx.transportEnterprise.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    select: { id: true },
  });
  if (!e)
    throw new AppError("INVALID", "invalid input", {
      fields: [{ path: "enterpriseId", message: "keyvehicles.validation.enterprise" }],
    });
}

const MODEL = {
  transport_enterprise: "transportEnterprise",
  key_vehicle: "keyVehicle",
  key_driver: "keyDriver",
} as const;

/**
 * The create path of the three registries (the kernel's createRecord). The natural key
 * (enterprise name, plate, ID number — unique per unit) replays like an externalRef: the
 * same content returns the existing entry, different content is a 409 naming it.
 */
async function createEntry<E extends Entity>(opts: {
  actor: Actor;
  entity: E;
  input: { unitCode?: string; externalRef?: string; enterpriseId?: string };
  idempotencyKey?: string | null;
  data: Record<string, unknown>;
  naturalKey: (tx: Tx, unitId: string) => Promise<{ id: string; contentHash: string | null } | null>;
  audit?: (r: Record<string, unknown>) => unknown;
}) {
  assertCan(opts.actor, "keyvehicle.manage");
  await enterpriseInScope(db, opts.actor, opts.input.enterpriseId);
  const place = await placer(opts.actor).place({ unitCode: opts.input.unitCode });
  return createRecord({
    actor: opts.actor,
    model: MODEL[opts.entity],
    entity: opts.entity,
    idempotencyKey: opts.idempotencyKey,
    content: opts.input,
    externalRef: opts.input.externalRef,
    data: { ...opts.data, ...unitData(place) } as never,
    naturalKey: opts.naturalKey,
    audit: opts.audit as never,
  });
}

export function createEnterprise({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: EnterpriseInput;
  idempotencyKey?: string | null;
}) {
  const { unitCode: _u, externalRef: _r, ...data } = input;
  return createEntry({
    actor,
    entity: "transport_enterprise",
    input,
    idempotencyKey,
    data,
    naturalKey: (tx, unitId) =>
      tx.transportEnterprise.findUnique({
        where: { unitId_name: { unitId, name: input.name } },
        select: { id: true, contentHash: true },
      }),
  });
}

export function createKeyVehicle({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: KeyVehicleInput;
  idempotencyKey?: string | null;
}) {
  const { unitCode: _u, externalRef: _r, ...data } = input;
  return createEntry({
    actor,
    entity: "key_vehicle",
    input,
    idempotencyKey,
    data,
    naturalKey: (tx, unitId) =>
      tx.keyVehicle.findUnique({
        where: { unitId_plate: { unitId, plate: input.plate } },
        select: { id: true, contentHash: true },
      }),
  });
}

export function createKeyDriver({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: KeyDriverInput;
  idempotencyKey?: string | null;
}) {
  const { unitCode: _u, externalRef: _r, ...data } = input;
  return createEntry({
    actor,
    entity: "key_driver",
    input,
    idempotencyKey,
    data,
    naturalKey: (tx, unitId) =>
      tx.keyDriver.findUnique({
        where: { unitId_idNumber: { unitId, idNumber: input.idNumber } },
        select: { id: true, contentHash: true },
      }),
    audit: (r) => ({
      ...r,
      idNumber: maskIdCard(r.idNumber as string),
      licenceNumber: maskLicence(r.licenceNumber as string | null) || null,
    }),
  });
}

/** Edits an entry of one of the registries (fields left out stay as they are). */
export async function updateEntry({
  actor,
  entity,
  input,
}: {
  actor: Actor;
  entity: Entity;
  input: Record<string, unknown> & { id: string };
}) {
  assertCan(actor, "keyvehicle.manage");
  const { id, unitCode: _u, externalRef: _r, ...fields } = input;
  const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return db.$transaction(async (tx) => {
    await enterpriseInScope(tx, actor, data.enterpriseId as string | undefined);
    const delegate = (entity === "transport_enterprise"
      ? tx.transportEnterprise
      : entity === "key_vehicle"
        ? tx.keyVehicle
        : tx.keyDriver) as unknown as {
      findFirst: (a: unknown) => Promise<Record<string, unknown> | null>;
      update: (a: unknown) => Promise<Record<string, unknown>>;
    };
    const row = await delegate.findFirst({ where: { id, unitPath: underPath(actor.unitPath) } });
    if (!row) throw new AppError("NOT_FOUND", `${entity} not found`);
    if (entity === "key_driver" && data.employment && data.employment !== row.employment)
      data.dismissedAt = data.employment === "dismissed" ? new Date() : null;
    const before: Record<string, unknown> = Object.fromEntries(Object.keys(data).map((k) => [k, row[k]]));
    const changes = diff(before, data);
    if (!Object.keys(changes.after).length) return row;
    const updated = await delegate.update({ where: { id }, data });
    const mask = (x: Record<string, unknown>) => ({
      ...x,
      ...("idNumber" in x ? { idNumber: maskIdCard(x.idNumber as string) } : {}),
      ...("licenceNumber" in x ? { licenceNumber: maskLicence(x.licenceNumber as string | null) || null } : {}),
    });
    await writeAudit(tx, actor, {
      action: `${entity}.update`,
      entity,
      entityId: id,
      before: mask(changes.before),
      after: mask(changes.after),
      unitId: row.unitId as string,
      unitPath: row.unitPath as string,
    });
    return updated;
  });
}

const pageWhere = (c: ReturnType<typeof decodeCursor>, field: "name" | "plate") =>
  c ? { OR: [{ [field]: { gt: String(c.sortValue) } }, { [field]: String(c.sortValue), id: { gt: c.id } }] } : {};

export async function listEnterprises({ actor, input }: { actor: Actor; input: ListKeyInput }) {
  assertCan(actor, "keyvehicle.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const where: Prisma.TransportEnterpriseWhereInput = {
    AND: [
      { unitPath: underPath(path) },
      input.q ? { name: { contains: input.q } } : {},
      input.kind ? { kind: input.kind } : {},
      pageWhere(decodeCursor(input.cursor), "name"),
    ],
  };
  const rows = await db.transportEnterprise.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    include: {
      _count: { select: { vehicles: true, drivers: true, findings: { where: { status: { not: "closed" } } } } },
    },
  });
  return toPage(rows, input.limit, (r) => r.name);
}

export async function listKeyVehicles({ actor, input }: { actor: Actor; input: ListKeyInput }) {
  assertCan(actor, "keyvehicle.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const today = dayValue(localDate(new Date()));
  const where: Prisma.KeyVehicleWhereInput = {
    AND: [
      { unitPath: underPath(path) },
      input.q ? { plate: { contains: input.q.toUpperCase() } } : {},
      input.kind ? { vehicleClass: input.kind } : {},
      input.status ? { status: input.status } : {},
      input.enterprise ? { enterpriseId: input.enterprise } : {},
      input.overdue ? { status: "active", inspectionDue: { lt: today } } : {},
      pageWhere(decodeCursor(input.cursor), "plate"),
    ],
  };
  const rows = await db.keyVehicle.findMany({
    where,
    orderBy: [{ plate: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    include: { enterprise: { select: { id: true, name: true } } },
  });
  return toPage(rows, input.limit, (r) => r.plate);
}

export async function listKeyDrivers({ actor, input }: { actor: Actor; input: ListKeyInput }) {
  assertCan(actor, "keyvehicle.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const where: Prisma.KeyDriverWhereInput = {
    AND: [
      { unitPath: underPath(path) },
      input.q ? { name: { contains: input.q } } : {},
      input.status ? { licenceStatus: input.status } : {},
      input.enterprise ? { enterpriseId: input.enterprise } : {},
      pageWhere(decodeCursor(input.cursor), "name"),
    ],
  };
  const rows = await db.keyDriver.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    include: { enterprise: { select: { id: true, name: true } } },
  });
  return toPage(rows, input.limit, (r) => r.name);
}

/** A driver is qualified when the licence is valid and the qualification certificate has not expired. */
export function driverQualified(
  d: { licenceStatus: string; qualificationExpires: Date | null; employment: string },
  now = new Date(),
): boolean {
  return (
    d.licenceStatus === "valid" && (!d.qualificationExpires || dayString(d.qualificationExpires) >= localDate(now))
  );
}

/** One registry entry in scope (404 outside it), with what hangs off it. */
export async function getEntry({ actor, entity, id }: { actor: Actor; entity: Entity; id: string }) {
  assertCan(actor, "keyvehicle.view");
  idOrNotFound(id, entity);
  const where = { id, unitPath: underPath(actor.unitPath) };
  const row =
    entity === "transport_enterprise"
      ? await db.transportEnterprise.findFirst({
          where,
          include: { vehicles: { orderBy: { plate: "asc" } }, drivers: { orderBy: { name: "asc" } } },
        })
      : entity === "key_vehicle"
        ? await db.keyVehicle.findFirst({ where, include: { enterprise: { select: { id: true, name: true } } } })
        : await db.keyDriver.findFirst({ where, include: { enterprise: { select: { id: true, name: true } } } });
  if (!row) throw new AppError("NOT_FOUND", `${entity} not found`);
  return row;
}

/** Enterprises, vehicles and drivers in scope as form choices (value = id). */
export async function registryOptions(actor: Actor) {
  assertCan(actor, "keyvehicle.view");
  const where = { unitPath: underPath(actor.unitPath) };
  const [enterprises, vehicles, drivers] = await Promise.all([
    db.transportEnterprise.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
    db.keyVehicle.findMany({ where, select: { id: true, plate: true }, orderBy: { plate: "asc" }, take: 1000 }),
    db.keyDriver.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
  ]);
  return {
    enterprises: enterprises.map((e) => ({ value: e.id, label: e.name })),
    vehicles: vehicles.map((v) => ({ value: v.id, label: v.plate })),
    drivers: drivers.map((d) => ({ value: d.id, label: d.name })),
  };
}
