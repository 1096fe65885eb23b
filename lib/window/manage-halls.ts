import "server-only";
import { placer, unitData } from "@/lib/records/kernel";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hhmmToMinutes } from "./catalogue";
import type { BusinessInput, CounterInput, HallHoursInput, HallInput } from "./schemas";

/** Halls in scope (active or not) with windows and hours, for the settings page. */
export async function listHallsForSettings(actor: Actor) {
  assertCan(actor, "window.view");
  return db.windowHall.findMany({
    where: { unitPath: underPath(actor.unitPath) },
    include: { hours: { orderBy: { weekday: "asc" } }, counters: { orderBy: { number: "asc" } } },
    orderBy: [{ unitPath: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
  });
}

async function hallForManage(actor: Actor, id: string) {
  const hall = await db.windowHall.findFirst({ where: { id, unitPath: underPath(actor.unitPath) } });
  if (!hall) throw new AppError("NOT_FOUND", "hall not found");
  return hall;
}

export async function saveHall({ actor, input }: { actor: Actor; input: HallInput }) {
  assertCan(actor, "window.manage");
  const unit = unitData(await placer(actor).place({ unitCode: input.unitCode }));
  const data = {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    address: input.address ?? null,
    active: input.active,
    ...unit,
  };
  try {
    return await db.$transaction(async (tx) => {
      if (input.id) {
        const before = await hallForManage(actor, input.id);
        const after = await tx.windowHall.update({ where: { id: before.id }, data });
        await writeAudit(tx, actor, {
          action: "window.hall.update",
          entity: "window_hall",
          entityId: before.id,
          ...diff(before, after),
          unitId: after.unitId,
          unitPath: after.unitPath,
        });
        return after;
      }
      const hall = await tx.windowHall.create({ data });
      await writeAudit(tx, actor, {
        action: "window.hall.create",
        entity: "window_hall",
        entityId: hall.id,
        after: hall,
        unitId: hall.unitId,
        unitPath: hall.unitPath,
      });
      return hall;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError("CONFLICT", "window.e.hallCode", { fields: [{ path: "code", message: "window.e.hallCode" }] });
    throw err;
  }
}

/** Replaces a hall's weekly opening hours (a day without hours is closed). */
export async function saveHallHours({ actor, input }: { actor: Actor; input: HallHoursInput }) {
  assertCan(actor, "window.manage");
  const hall = await hallForManage(actor, input.hallId);
  const rows = input.days
    .filter((d) => d.open)
    .map((d) => ({
      hallId: hall.id,
      weekday: d.weekday,
      opensMin: hhmmToMinutes(d.opens!)!,
      closesMin: hhmmToMinutes(d.closes!)!,
    }));
  return db.$transaction(async (tx) => {
    const before = await tx.windowHallHours.findMany({ where: { hallId: hall.id }, orderBy: { weekday: "asc" } });
    await tx.windowHallHours.deleteMany({ where: { hallId: hall.id } });
    await tx.windowHallHours.createMany({ data: rows });
    await writeAudit(tx, actor, {
      action: "window.hall.hours",
      entity: "window_hall",
      entityId: hall.id,
      before,
      after: rows,
      unitId: hall.unitId,
      unitPath: hall.unitPath,
    });
    return rows;
  });
}

/** Adds a window to a hall, or edits the one with that number. */
export async function saveCounter({ actor, input }: { actor: Actor; input: CounterInput }) {
  assertCan(actor, "window.manage");
  const hall = await hallForManage(actor, input.hallId);
  return db.$transaction(async (tx) => {
    const before = await tx.windowCounter.findUnique({
      where: { hallId_number: { hallId: hall.id, number: input.number } },
    });
    const data = { label: input.label ?? null, letters: input.letters, active: input.active };
    const after = before
      ? await tx.windowCounter.update({ where: { id: before.id }, data })
      : await tx.windowCounter.create({ data: { ...data, hallId: hall.id, number: input.number } });
    await writeAudit(tx, actor, {
      action: before ? "window.counter.update" : "window.counter.create",
      entity: "window_hall",
      entityId: hall.id,
      ...(before ? diff(before, after) : { after }),
      unitId: hall.unitId,
      unitPath: hall.unitPath,
    });
    return after;
  });
}

/** The business catalogue (all, for settings and pickers). */
export function listBusinesses(opts: { activeOnly?: boolean } = {}) {
  return db.windowBusiness.findMany({
    where: opts.activeOnly ? { active: true } : {},
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
}

/** Adds or edits a business kind. The catalogue is shared by every unit: administrators only. */
export async function saveBusiness({ actor, input }: { actor: Actor; input: BusinessInput }) {
  assertCan(actor, "admin.catalogue");
  return db.$transaction(async (tx) => {
    const before = await tx.windowBusiness.findUnique({ where: { key: input.key } });
    const data = {
      categoryKey: input.categoryKey,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      ticketLetter: input.ticketLetter,
      expectedMinutes: input.expectedMinutes,
      feeYuan: input.feeYuan,
      active: input.active,
      sortOrder: input.sortOrder,
    };
    const after = before
      ? await tx.windowBusiness.update({ where: { key: input.key }, data })
      : await tx.windowBusiness.create({ data: { key: input.key, ...data } });
    await writeAudit(tx, actor, {
      action: before ? "window.business.update" : "window.business.create",
      entity: "window_business",
      entityId: input.key,
      ...(before ? diff(before, after) : { after }),
    });
    return after;
  });
}
