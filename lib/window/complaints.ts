import "server-only";
import { placer, unitData } from "@/lib/records/kernel";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { permissionsOf, ROLES } from "@/lib/auth/permissions";
import { diff, writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { addDays, dayString, dayValue, localDate } from "@/lib/time";
import { COMPLAINT_DUE_DAYS } from "./catalogue";
import { complaintOwner } from "./evaluate-transaction";
import type { assignComplaintSchema, closeComplaintSchema, createComplaintSchema } from "./schemas";

const complaintSelect = {
  id: true,
  unitId: true,
  unitPath: true,
  brigadeId: true,
  transactionId: true,
  evaluationId: true,
  clerkId: true,
  source: true,
  summary: true,
  ownerId: true,
  dueDate: true,
  status: true,
  closingNote: true,
  closedAt: true,
  closedById: true,
  openedAt: true,
} as const;

/** Complaints in scope: open ones first (earliest due first), then the closed, newest first. */
export async function listComplaints({ actor, status }: { actor: Actor; status?: "open" | "closed" }) {
  assertCan(actor, "window.supervise");
  const rows = await db.windowComplaint.findMany({
    where: { unitPath: underPath(actor.unitPath), ...(status ? { status } : {}) },
    select: complaintSelect,
    orderBy: [{ status: "desc" }, { dueDate: "asc" }, { openedAt: "desc" }],
    take: 200,
  });
  const ids = new Set<string>();
  for (const r of rows) [r.ownerId, r.clerkId, r.closedById].forEach((x) => x && ids.add(x));
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const today = localDate(new Date());
  return rows.map((r) => ({
    ...r,
    dueDate: dayString(r.dueDate)!,
    overdue: r.status === "open" && dayString(r.dueDate)! < today,
    ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
    clerkName: r.clerkId ? (names.get(r.clerkId) ?? null) : null,
    closedByName: r.closedById ? (names.get(r.closedById) ?? null) : null,
  }));
}

/** People a complaint can be given to: active users of its unit tree who supervise the window. */
export async function complaintOwnerOptions(actor: Actor) {
  assertCan(actor, "window.supervise");
  return db.user.findMany({
    where: {
      active: true,
      role: { in: ROLES.filter((r) => permissionsOf(r).includes("window.supervise")) },
      unit: { path: underPath(actor.unitPath) },
    },
    select: { id: true, displayName: true, role: true },
    orderBy: [{ role: "desc" }, { displayName: "asc" }],
  });
}

async function loadOpen(actor: Actor, id: string) {
  const c = await db.windowComplaint.findFirst({
    where: { id, unitPath: underPath(actor.unitPath) },
    select: complaintSelect,
  });
  if (!c) throw new AppError("NOT_FOUND", "complaint not found");
  if (c.status !== "open") throw new AppError("CONFLICT", "window.e.complaintClosed");
  return c;
}

/** Closes a complaint with the note saying what was done. */
export async function closeComplaint({ actor, input }: { actor: Actor; input: z.infer<typeof closeComplaintSchema> }) {
  assertCan(actor, "window.supervise");
  const c = await loadOpen(actor, input.id);
  return db.$transaction(async (tx) => {
    // Only an open complaint is closed: a concurrent close loses here instead of overwriting the note.
    const res = await tx.windowComplaint.updateMany({
      where: { id: c.id, status: "open" },
      data: { status: "closed", closingNote: input.closingNote, closedAt: new Date(), closedById: actor.userId },
    });
    if (res.count !== 1) throw new AppError("CONFLICT", "window.e.complaintClosed");
    await writeAudit(tx, actor, {
      action: "window.complaint.close",
      entity: "window_complaint",
      entityId: c.id,
      before: { status: "open" },
      after: { status: "closed", closingNote: input.closingNote },
      unitId: c.unitId,
      unitPath: c.unitPath,
    });
    return tx.windowComplaint.findUniqueOrThrow({ where: { id: c.id }, select: complaintSelect });
  });
}

/** Gives a complaint another owner or due date. */
export async function assignComplaint({
  actor,
  input,
}: {
  actor: Actor;
  input: z.infer<typeof assignComplaintSchema>;
}) {
  assertCan(actor, "window.supervise");
  const c = await loadOpen(actor, input.id);
  if (input.ownerId) {
    const owner = await db.user.findFirst({
      where: { id: input.ownerId, active: true, unit: { path: underPath(actor.unitPath) } },
      select: { id: true },
    });
    if (!owner)
      throw new AppError("INVALID", "window.v.ownerNotFound", {
        fields: [{ path: "ownerId", message: "window.v.ownerNotFound" }],
      });
  }
  return db.$transaction(async (tx) => {
    const next = { ownerId: input.ownerId ?? null, dueDate: dayValue(input.dueDate) };
    const updated = await tx.windowComplaint.update({ where: { id: c.id }, data: next, select: complaintSelect });
    const d = diff(
      { ownerId: c.ownerId, dueDate: dayString(c.dueDate) },
      { ownerId: next.ownerId, dueDate: input.dueDate },
    );
    await writeAudit(tx, actor, {
      action: "window.complaint.assign",
      entity: "window_complaint",
      entityId: c.id,
      ...d,
      unitId: c.unitId,
      unitPath: c.unitPath,
    });
    return updated;
  });
}

/** A complaint that came by phone or letter (12123, 12345, a visit), recorded by a supervisor. */
export async function createComplaint({
  actor,
  input,
}: {
  actor: Actor;
  input: z.infer<typeof createComplaintSchema>;
}) {
  assertCan(actor, "window.supervise");
  const unit = unitData(await placer(actor).place({ unitCode: input.unitCode }));
  let clerkId: string | null = null;
  if (input.transactionId) {
    const t = await db.windowTransaction.findFirst({
      where: { id: input.transactionId, unitPath: underPath(actor.unitPath) },
      select: { clerkId: true },
    });
    if (!t)
      throw new AppError("INVALID", "window.v.transactionNotFound", {
        fields: [{ path: "transactionId", message: "window.v.transactionNotFound" }],
      });
    clerkId = t.clerkId;
  }
  const now = new Date();
  return db.$transaction(async (tx) => {
    const c = await tx.windowComplaint.create({
      data: {
        ...unit,
        transactionId: input.transactionId ?? null,
        clerkId,
        source: input.source,
        summary: input.summary,
        ownerId: await complaintOwner(tx, unit.brigadeId),
        dueDate: dayValue(input.dueDate ?? addDays(localDate(now), COMPLAINT_DUE_DAYS)),
        openedAt: now,
      },
      select: complaintSelect,
    });
    await writeAudit(tx, actor, {
      action: "window.complaint.open",
      entity: "window_complaint",
      entityId: c.id,
      after: c,
      unitId: c.unitId,
      unitPath: c.unitPath,
    });
    return c;
  });
}
