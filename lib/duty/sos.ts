import "server-only";
/**
 * 一键求助 SOS: raised by an officer's device with their position; every open duty map in
 * scope gets it at commit (NOTIFY → SSE); the duty officer acknowledges and resolves it,
 * each step audited with its time and person.
 */
import { db, type Tx } from "@/lib/db";
import { assertCan, assertInScope, can, type Actor, underPath, pathLike } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { fingerprint, runIdempotent } from "@/lib/idempotency/run-idempotent";
import { maskPhone } from "@/lib/identity/id-card";
import { notifyEvent } from "@/lib/realtime/notify";
import type { SosEvent } from "./events";
import { nearestOnDuty } from "./nearest";
import { recordFix } from "./record-fix";
import { reporterFor, type Reporter } from "./reporter";
import type { HandleSosInput, RaiseSosInput } from "./schemas";
import { getDutySettings } from "./settings";

type AlertRow = Awaited<ReturnType<typeof db.sosAlert.findUniqueOrThrow>>;

async function toEvent(a: AlertRow, client: Tx = db): Promise<SosEvent> {
  const ids = [a.userId, a.acknowledgedById, a.resolvedById].filter((x): x is string => !!x);
  const users = new Map(
    (
      await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, role: true } })
    ).map((u) => [u.id, u]),
  );
  const unit = await client.unit.findUnique({
    where: { id: a.unitId },
    select: { code: true, nameZh: true, nameEn: true },
  });
  return eventOf(a, users, unit);
}

/**
 * The event of an alert `who` has just opened, from what the request already read (no
 * query: every round trip before the commit delays the alarm on the duty maps).
 */
function openedEvent(a: AlertRow, who: Reporter): SosEvent {
  return eventOf(a, new Map([[who.id, { displayName: who.name, role: who.role }]]), who.unit);
}

function eventOf(
  a: AlertRow,
  users: Map<string, { displayName: string; role: string }>,
  unit: { code: string; nameZh: string; nameEn: string } | null,
): SosEvent {
  return {
    id: a.id,
    userId: a.userId,
    name: users.get(a.userId)?.displayName ?? "",
    role: users.get(a.userId)?.role ?? "",
    unitCode: unit?.code ?? "",
    unitNameZh: unit?.nameZh ?? "",
    unitNameEn: unit?.nameEn ?? "",
    lat: a.lat,
    lng: a.lng,
    status: a.status,
    at: a.occurredAt.toISOString(),
    message: a.message,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedById ? (users.get(a.acknowledgedById)?.displayName ?? null) : null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    resolvedBy: a.resolvedById ? (users.get(a.resolvedById)?.displayName ?? null) : null,
  };
}

/** Opens an alert for the person unless one is already open (a second press is the same alarm). */
export async function openSosInTx({
  tx,
  actor,
  who,
  fix,
}: {
  tx: Tx;
  actor: Actor;
  who: Reporter;
  fix: { lat: number; lng: number; accuracyM: number | null; at: Date; message: string | null };
}) {
  // Serialise presses of the same person so two quick ones cannot open two alerts.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7262027, hashtext(${who.id}))`;
  const open = await tx.sosAlert.findFirst({
    where: { userId: who.id, status: { in: ["open", "acknowledged"] } },
    orderBy: { occurredAt: "desc" },
  });
  if (open) return { ...open, existing: true };
  const alert = await tx.sosAlert.create({
    data: {
      userId: who.id,
      unitId: who.unit.id,
      unitPath: who.unit.path,
      brigadeId: who.brigadeId,
      occurredAt: fix.at,
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: fix.accuracyM,
      message: fix.message,
    },
  });
  await writeAudit(tx, actor, {
    action: "sos.raise",
    entity: "sos_alert",
    entityId: alert.id,
    after: alert,
    unitId: who.unit.id,
    unitPath: who.unit.path,
  });
  await notifyEvent(tx, "duty.sos", who.unit.path, openedEvent(alert, who));
  return { ...alert, existing: false };
}

/**
 * Raises an SOS. With an Idempotency-Key (the field app queues an alarm raised offline and
 * retries it every few seconds), a retry of a delivered alarm returns that alarm, even
 * after it was resolved, and never opens a second one.
 */
export async function raiseSos({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: RaiseSosInput;
  idempotencyKey?: string | null;
}) {
  assertCan(actor, "sos.raise");
  const who = await reporterFor({ actor, userId: input.userId });
  const at = input.at ?? new Date();
  const alert = await db.$transaction(async (tx) => {
    const { record } = await runIdempotent(
      tx,
      { actor, key: idempotencyKey ?? null, entity: "sos_alert", fingerprint: fingerprint(input) },
      async () => {
        await recordFix(tx, who, {
          lat: input.lat,
          lng: input.lng,
          accuracyM: input.accuracyM ?? null,
          status: "sos",
          at,
        });
        return openSosInTx({
          tx,
          actor,
          who,
          fix: {
            lat: input.lat,
            lng: input.lng,
            accuracyM: input.accuracyM ?? null,
            at,
            message: input.message ?? null,
          },
        });
      },
      async (id) => {
        const prior = await tx.sosAlert.findUnique({ where: { id } });
        return prior && { ...prior, existing: true };
      },
    );
    return record;
  });
  const nearest = await nearestTo({ actor, alert });
  const event = alert.existing ? await toEvent(alert) : openedEvent(alert, who);
  return { ...event, existing: alert.existing, nearest };
}

/** The nearest on-duty people of the alert's brigade (phones masked unless permitted). */
export async function nearestTo({
  actor,
  alert,
}: {
  actor: Actor;
  alert: { lat: number; lng: number; userId: string; brigadeId: string };
}) {
  const settings = await getDutySettings(alert.brigadeId);
  const since = new Date(Date.now() - settings.staleAfterS * 1000);
  const rows = await db.$queryRaw<
    {
      user_id: string;
      lat: number;
      lng: number;
      status: string;
      occurred_at: Date;
      display_name: string;
      role: string;
      phone: string | null;
    }[]
  >`
    SELECT p.user_id, p.lat, p.lng, p.status, p.occurred_at, u.display_name, u.role::text AS role, u.phone
      FROM last_positions p JOIN users u ON u.id = p.user_id
     WHERE p.brigade_id = ${alert.brigadeId}::uuid AND p.occurred_at >= ${since}
       AND p.unit_path LIKE ${pathLike(actor.unitPath)}`;
  const reveal = can(actor, "personnel.contact");
  return nearestOnDuty(
    rows.map((r) => ({
      userId: r.user_id,
      lat: r.lat,
      lng: r.lng,
      status: r.status,
      at: r.occurred_at.getTime(),
      name: r.display_name,
      role: r.role,
      phone: reveal ? r.phone : maskPhone(r.phone) || null,
    })),
    alert,
    { now: Date.now(), staleAfterS: settings.staleAfterS, exclude: alert.userId, limit: 5 },
  );
}

async function alertInScope(actor: Actor, id: string, client: Tx = db) {
  const a = await client.sosAlert.findUnique({ where: { id } });
  if (!a) throw new AppError("NOT_FOUND", "alert not found");
  assertInScope(actor, a.unitPath, "alert");
  return a;
}

/** open → acknowledged (a repeated click changes nothing). */
export async function acknowledgeSos({ actor, input }: { actor: Actor; input: HandleSosInput }) {
  assertCan(actor, "sos.handle");
  await alertInScope(actor, input.id);
  const a = await db.$transaction(async (tx) => {
    const n = await tx.sosAlert.updateMany({
      where: { id: input.id, status: "open" },
      data: { status: "acknowledged", acknowledgedAt: new Date(), acknowledgedById: actor.userId },
    });
    const after = await tx.sosAlert.findUniqueOrThrow({ where: { id: input.id } });
    if (n.count) {
      await writeAudit(tx, actor, {
        action: "sos.acknowledge",
        entity: "sos_alert",
        entityId: after.id,
        before: { status: "open" },
        after: { status: after.status, acknowledgedAt: after.acknowledgedAt, note: input.note ?? null },
        unitId: after.unitId,
        unitPath: after.unitPath,
      });
      await notifyEvent(tx, "duty.sos", after.unitPath, await toEvent(after, tx));
    }
    return after;
  });
  return toEvent(a);
}

/** open | acknowledged → resolved, with a note; resolving an open alert acknowledges it too. */
export async function resolveSos({ actor, input }: { actor: Actor; input: HandleSosInput }) {
  assertCan(actor, "sos.handle");
  await alertInScope(actor, input.id);
  const a = await db.$transaction(async (tx) => {
    const cur = await tx.sosAlert.findUniqueOrThrow({ where: { id: input.id } });
    if (cur.status === "resolved") return cur;
    const now = new Date();
    const n = await tx.sosAlert.updateMany({
      where: { id: cur.id, status: cur.status },
      data: {
        status: "resolved",
        resolvedAt: now,
        resolvedById: actor.userId,
        resolutionNote: input.note ?? null,
        ...(cur.status === "open" ? { acknowledgedAt: now, acknowledgedById: actor.userId } : {}),
      },
    });
    const after = await tx.sosAlert.findUniqueOrThrow({ where: { id: cur.id } });
    if (n.count) {
      await writeAudit(tx, actor, {
        action: "sos.resolve",
        entity: "sos_alert",
        entityId: after.id,
        before: { status: cur.status },
        after: { status: "resolved", resolvedAt: after.resolvedAt, note: after.resolutionNote },
        unitId: after.unitId,
        unitPath: after.unitPath,
      });
      await notifyEvent(tx, "duty.sos", after.unitPath, await toEvent(after, tx));
    }
    return after;
  });
  return toEvent(a);
}

/** Alerts not yet resolved (and optionally recent resolved ones) in scope, newest first. */
export async function listSos({ actor, input = {} }: { actor: Actor; input?: { includeResolvedHours?: number } }) {
  if (!can(actor, "sos.handle") && !can(actor, "map.view"))
    throw new AppError("FORBIDDEN", "missing permission map.view");
  const since = input.includeResolvedHours ? new Date(Date.now() - input.includeResolvedHours * 3600_000) : null;
  const rows = await db.sosAlert.findMany({
    where: {
      unitPath: underPath(actor.unitPath),
      OR: [{ status: { in: ["open", "acknowledged"] } }, ...(since ? [{ resolvedAt: { gte: since } }] : [])],
    },
    orderBy: { occurredAt: "desc" },
    take: 100,
  });
  return Promise.all(rows.map((r) => toEvent(r)));
}

export async function getSos({ actor, id }: { actor: Actor; id: string }) {
  if (!can(actor, "sos.handle") && !can(actor, "map.view"))
    throw new AppError("FORBIDDEN", "missing permission map.view");
  const a = await alertInScope(actor, id);
  return {
    ...(await toEvent(a)),
    resolutionNote: a.resolutionNote,
    nearest: a.status === "resolved" ? [] : await nearestTo({ actor, alert: a }),
  };
}
