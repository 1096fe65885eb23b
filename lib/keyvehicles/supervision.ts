import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath, pathLike } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, toPage } from "@/lib/pagination";
import { contentHashOf, createRecord, lockInScope, placer, recorderData, unitData } from "@/lib/records/kernel";

import { addDays, localDate, yearRange } from "@/lib/time";
import type { ActionInput, CloseFindingInput, FindingInput, ListFindingsInput } from "./schemas";
import { scopePathFor } from "@/lib/units/read-units";
import { idOrNotFound } from "@/lib/validation";

/** The subjects a finding names must all be in the actor's scope; its unit defaults to the subject's. */
async function subjectsInScope(
  actor: Actor,
  input: Pick<FindingInput, "enterpriseId" | "keyVehicleId" | "keyDriverId">,
) {
  const scope = { unitPath: underPath(actor.unitPath) };
  const [e, v, d] = await Promise.all([
    input.enterpriseId
      ? db.transportEnterprise.findFirst({ where: { id: input.enterpriseId, ...scope }, select: { unitId: true } })
      : null,
    input.keyVehicleId
      ? db.keyVehicle.findFirst({
          where: { id: input.keyVehicleId, ...scope },
          select: { unitId: true, enterpriseId: true },
        })
      : null,
    input.keyDriverId
      ? db.keyDriver.findFirst({
          where: { id: input.keyDriverId, ...scope },
          select: { unitId: true, enterpriseId: true },
        })
      : null,
  ]);
  const missing = [
    ["enterpriseId", input.enterpriseId, e],
    ["keyVehicleId", input.keyVehicleId, v],
    ["keyDriverId", input.keyDriverId, d],
  ].filter(([, id, row]) => id && !row);
  if (missing.length)
    throw new AppError("INVALID", "invalid input", {
      fields: missing.map(([path]) => ({ path: path as string, message: "keyvehicles.validation.subjectNotFound" })),
    });
  return { enterpriseId: input.enterpriseId ?? v?.enterpriseId ?? d?.enterpriseId ?? undefined };
}

/** Raises a finding (源头隐患) by hand: from an inspection or a report. */
export async function createFinding({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: FindingInput;
  idempotencyKey?: string | null;
}) {
  assertCan(actor, "keyvehicle.manage");
  const { enterpriseId } = await subjectsInScope(actor, input);
  const place = await placer(actor).place({ unitCode: input.unitCode });
  return createRecord({
    actor,
    model: "supervisionFinding",
    entity: "supervision_finding",
    idempotencyKey,
    content: input,
    externalRef: input.externalRef,
    data: {
      ...unitData(place),
      enterpriseId: enterpriseId ?? null,
      keyVehicleId: input.keyVehicleId ?? null,
      keyDriverId: input.keyDriverId ?? null,
      kind: input.kind,
      origin: input.origin,
      description: input.description,
      foundAt: input.foundAt ?? new Date(),
      ...recorderData(actor),
    },
  });
}

/**
 * Takes a control action on a finding (抄告/函, 约谈, 解聘, 打击, 督促审验). The finding
 * becomes "controlled"; dismissing a driver marks the driver dismissed, enforcing an
 * inspection moves the vehicle's inspection date — all in one transaction.
 */
export async function addAction({ actor, input }: { actor: Actor; input: ActionInput }) {
  assertCan(actor, "keyvehicle.manage");
  return db.$transaction(async (tx) => {
    const f = await lockInScope({
      tx,
      actor,
      table: "supervision_findings",
      id: input.findingId,
      read: (where) => tx.supervisionFinding.findFirst({ where }),
    });
    if (f.status === "closed") throw new AppError("CONFLICT", "keyvehicles.findingClosed");
    if (input.externalRef) {
      const prior = await tx.supervisionAction.findUnique({
        where: { unitId_externalRef: { unitId: f.unitId, externalRef: input.externalRef } },
      });
      if (prior) {
        if (prior.findingId === f.id && prior.kind === input.kind) return { action: prior, replayed: true };
        throw new AppError("CONFLICT", "records.externalRefConflict", { details: { id: prior.id } });
      }
    }
    if (input.kind === "driver_dismissal" && !f.keyDriverId)
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "kind", message: "keyvehicles.validation.needsDriver" }],
      });
    if (input.kind === "inspection_enforced" && !f.keyVehicleId)
      throw new AppError("INVALID", "invalid input", {
        fields: [{ path: "kind", message: "keyvehicles.validation.needsVehicle" }],
      });
    const takenAt = input.takenAt ?? new Date();
    const action = await tx.supervisionAction.create({
      data: {
        findingId: f.id,
        unitId: f.unitId,
        unitPath: f.unitPath,
        brigadeId: f.brigadeId,
        kind: input.kind,
        takenAt,
        note: input.note ?? null,
        recordedById: actor.userId,
        recordedByTokenId: actor.tokenId,
        externalRef: input.externalRef ?? null,
        contentHash: contentHashOf("supervision_action", input),
      },
    });
    if (f.status === "open")
      await tx.supervisionFinding.update({ where: { id: f.id }, data: { status: "controlled" } });
    if (input.kind === "driver_dismissal") {
      await tx.keyDriver.updateMany({
        where: { id: f.keyDriverId!, employment: "employed" },
        data: { employment: "dismissed", dismissedAt: takenAt },
      });
    }
    if (input.kind === "inspection_enforced" && input.newInspectionDue) {
      await tx.keyVehicle.update({ where: { id: f.keyVehicleId! }, data: { inspectionDue: input.newInspectionDue } });
    }
    await writeAudit(tx, actor, {
      action: `supervision_action.${input.kind}`,
      entity: "supervision_finding",
      entityId: f.id,
      after: action,
      unitId: f.unitId,
      unitPath: f.unitPath,
    });
    return { action, replayed: false };
  });
}

/** Tracks a finding to closure (销号): needs at least one action taken and a closing note. */
export async function closeFinding({ actor, input }: { actor: Actor; input: CloseFindingInput }) {
  assertCan(actor, "keyvehicle.manage");
  return db.$transaction(async (tx) => {
    const f = await lockInScope({
      tx,
      actor,
      table: "supervision_findings",
      id: input.id,
      read: (where) => tx.supervisionFinding.findFirst({ where, include: { _count: { select: { actions: true } } } }),
    });
    if (f.status === "closed") return f;
    if (f._count.actions === 0) throw new AppError("CONFLICT", "keyvehicles.closeNeedsAction");
    const closed = await tx.supervisionFinding.update({
      where: { id: f.id },
      data: { status: "closed", closedAt: new Date(), closedById: actor.userId, closingNote: input.closingNote },
    });
    await writeAudit(tx, actor, {
      action: "supervision_finding.close",
      entity: "supervision_finding",
      entityId: f.id,
      before: { status: f.status },
      after: { status: "closed", closingNote: input.closingNote },
      unitId: f.unitId,
      unitPath: f.unitPath,
    });
    return closed;
  });
}

/**
 * Data screening (数据筛查): raises one open finding per problem the registries show —
 * active vehicles past their inspection date, vehicles due for scrapping within 30 days,
 * employed drivers whose licence is not valid or whose qualification has expired.
 * Set-based and repeatable: a partial unique index keeps one open finding per kind and subject.
 */
export async function screenKeyVehicles({ actor }: { actor: Actor }) {
  assertCan(actor, "keyvehicle.manage");
  const today = localDate(new Date());
  const soon = addDays(today, 30);
  const scope = pathLike(actor.unitPath);
  return db.$transaction(async (tx) => {
    const inspections = await tx.$executeRaw`
      INSERT INTO supervision_findings (unit_id, unit_path, brigade_id, enterprise_id, key_vehicle_id, kind, origin, description, recorded_by_id, recorded_by_token_id)
      SELECT unit_id, unit_path, brigade_id, enterprise_id, id, 'overdue_inspection', 'data_screening', '逾期未检验：' || plate || '，检验有效期至 ' || inspection_due, ${actor.userId}::uuid, ${actor.tokenId}::uuid
        FROM key_vehicles WHERE unit_path LIKE ${scope} AND status = 'active' AND inspection_due < ${today}::date
      ON CONFLICT DO NOTHING`;
    const scrap = await tx.$executeRaw`
      INSERT INTO supervision_findings (unit_id, unit_path, brigade_id, enterprise_id, key_vehicle_id, kind, origin, description, recorded_by_id, recorded_by_token_id)
      SELECT unit_id, unit_path, brigade_id, enterprise_id, id, 'scrap_due', 'data_screening', '临近或超过强制报废期：' || plate || '，报废期 ' || scrap_due, ${actor.userId}::uuid, ${actor.tokenId}::uuid
        FROM key_vehicles WHERE unit_path LIKE ${scope} AND status = 'active' AND scrap_due < ${soon}::date
      ON CONFLICT DO NOTHING`;
    const drivers = await tx.$executeRaw`
      INSERT INTO supervision_findings (unit_id, unit_path, brigade_id, enterprise_id, key_driver_id, kind, origin, description, recorded_by_id, recorded_by_token_id)
      SELECT unit_id, unit_path, brigade_id, enterprise_id, id, 'unqualified_driver', 'data_screening',
             '驾驶人不符合资格：' || name || CASE WHEN licence_status <> 'valid' THEN '，驾驶证状态 ' || licence_status ELSE '，从业资格证已过期' END,
             ${actor.userId}::uuid, ${actor.tokenId}::uuid
        FROM key_drivers
       WHERE unit_path LIKE ${scope} AND employment = 'employed' AND (licence_status <> 'valid' OR qualification_expires < ${today}::date)
      ON CONFLICT DO NOTHING`;
    const raised = { overdueInspection: inspections, scrapDue: scrap, unqualifiedDriver: drivers };
    await writeAudit(tx, actor, { action: "supervision.screen", entity: "supervision_finding", after: raised });
    return raised;
  });
}

export async function listFindings({ actor, input }: { actor: Actor; input: ListFindingsInput }) {
  assertCan(actor, "keyvehicle.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const c = decodeCursor(input.cursor);
  const where: Prisma.SupervisionFindingWhereInput = {
    AND: [
      { unitPath: underPath(path) },
      input.status === "active" ? { status: { not: "closed" } } : input.status ? { status: input.status } : {},
      input.kind ? { kind: input.kind } : {},
      c
        ? { OR: [{ foundAt: { lt: new Date(c.sortValue) } }, { foundAt: new Date(c.sortValue), id: { lt: c.id } }] }
        : {},
    ],
  };
  const rows = await db.supervisionFinding.findMany({
    where,
    orderBy: [{ foundAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: {
      enterprise: { select: { id: true, name: true } },
      vehicle: { select: { id: true, plate: true } },
      driver: { select: { id: true, name: true } },
      actions: { orderBy: { takenAt: "asc" }, select: { id: true, kind: true, takenAt: true, note: true } },
    },
  });
  return toPage(rows, input.limit, (r) => r.foundAt);
}

export async function getFinding({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "keyvehicle.view");
  idOrNotFound(id, "finding");
  const f = await db.supervisionFinding.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    include: { actions: { orderBy: { takenAt: "asc" } } },
  });
  if (!f) throw new AppError("NOT_FOUND", "finding not found");
  return f;
}

/**
 * The year's closed-loop figures (Yinjiang 2024: 63 source hazards remedied, 3 unqualified
 * coach drivers dismissed, 4 offences prosecuted):
 *  - sourceHazardsRemedied: findings closed (销号) in the year;
 *  - driversDismissed / offencesProsecuted / noticeLetters: actions of that kind taken in the year;
 *  - enterprisesInterviewed: distinct enterprises with an interview (约谈) in the year;
 *  - vehiclesBroughtToInspection: distinct vehicles with an enforced inspection in the year.
 */
export async function supervisionSummary({ actor, year, unit }: { actor: Actor; year: number; unit?: string }) {
  assertCan(actor, "keyvehicle.view");
  const { from, to } = yearRange(year);
  return supervisionFigures(await scopePathFor({ actor, unitCode: unit }), from, to);
}

export type SupervisionFigures = Record<
  | "sourceHazardsRemedied"
  | "findingsRaised"
  | "findingsOpen"
  | "driversDismissed"
  | "offencesProsecuted"
  | "noticeLetters"
  | "enterprisesInterviewed"
  | "vehiclesBroughtToInspection",
  number
>;

/** The counts above for a unit path and any period [from, to); the caller checks access. */
export async function supervisionFigures(unitPath: string, from: Date, to: Date): Promise<SupervisionFigures> {
  const path = pathLike(unitPath);
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM supervision_findings WHERE unit_path LIKE ${path} AND closed_at >= ${from} AND closed_at < ${to}) AS "sourceHazardsRemedied",
      (SELECT count(*) FROM supervision_findings WHERE unit_path LIKE ${path} AND found_at >= ${from} AND found_at < ${to}) AS "findingsRaised",
      (SELECT count(*) FROM supervision_findings WHERE unit_path LIKE ${path} AND status <> 'closed') AS "findingsOpen",
      (SELECT count(*) FROM supervision_actions WHERE unit_path LIKE ${path} AND taken_at >= ${from} AND taken_at < ${to} AND kind = 'driver_dismissal') AS "driversDismissed",
      (SELECT count(*) FROM supervision_actions WHERE unit_path LIKE ${path} AND taken_at >= ${from} AND taken_at < ${to} AND kind = 'offence_prosecuted') AS "offencesProsecuted",
      (SELECT count(*) FROM supervision_actions WHERE unit_path LIKE ${path} AND taken_at >= ${from} AND taken_at < ${to} AND kind = 'notice_letter') AS "noticeLetters",
      (SELECT count(DISTINCT f.enterprise_id) FROM supervision_actions a JOIN supervision_findings f ON f.id = a.finding_id
        WHERE a.unit_path LIKE ${path} AND a.taken_at >= ${from} AND a.taken_at < ${to} AND a.kind = 'enterprise_interview') AS "enterprisesInterviewed",
      (SELECT count(DISTINCT f.key_vehicle_id) FROM supervision_actions a JOIN supervision_findings f ON f.id = a.finding_id
        WHERE a.unit_path LIKE ${path} AND a.taken_at >= ${from} AND a.taken_at < ${to} AND a.kind = 'inspection_enforced') AS "vehiclesBroughtToInspection"`;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as SupervisionFigures;
}

/** Control actions in scope, newest first (optionally of one finding or one kind). */
export async function listActions({
  actor,
  input,
}: {
  actor: Actor;
  input: { finding?: string; kind?: string; cursor?: string; limit: number };
}) {
  assertCan(actor, "keyvehicle.view");
  const c = decodeCursor(input.cursor);
  const rows = await db.supervisionAction.findMany({
    where: {
      AND: [
        { unitPath: underPath(actor.unitPath) },
        input.finding ? { findingId: input.finding } : {},
        input.kind ? { kind: input.kind } : {},
        c
          ? { OR: [{ takenAt: { lt: new Date(c.sortValue) } }, { takenAt: new Date(c.sortValue), id: { lt: c.id } }] }
          : {},
      ],
    },
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => r.takenAt);
}
