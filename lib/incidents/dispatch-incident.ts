import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { permissionsOf } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import { pgErrorCode, UNIQUE_VIOLATION } from "@/lib/duty/pg-error";
import { AppError } from "@/lib/errors";
import { notifyEvent } from "@/lib/realtime/notify";
import { localClock } from "@/lib/time";
import { incidentEvent } from "./create-incident";
import { INCIDENT_TOPIC } from "./events";
import { incidentForActor, peopleById, type IncidentRow } from "./read-incidents";
import type { DispatchInput } from "./schemas";

/** Statuses an incident can be (re)dispatched from. */
const DISPATCHABLE = ["received", "dispatched", "accepted", "on_scene"];

/**
 * The people may be sent: active, able to respond (officers and auxiliaries), in the
 * incident's brigade and in the actor's scope. A person of another brigade is never sent,
 * whatever the caller names (422, nothing written).
 */
async function assertResponders(actor: Actor, inc: IncidentRow, userIds: string[]) {
  const brigade = await db.unit.findUniqueOrThrow({ where: { id: inc.brigadeId }, select: { path: true } });
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, active: true, role: true, unit: { select: { path: true } } },
  });
  const ok = new Set(
    users
      .filter(
        (u) =>
          u.active &&
          permissionsOf(u.role).includes("incident.respond") &&
          u.unit.path.startsWith(brigade.path) &&
          u.unit.path.startsWith(actor.unitPath),
      )
      .map((u) => u.id),
  );
  const bad = userIds.findIndex((id) => !ok.has(id));
  if (bad >= 0)
    throw new AppError("INVALID", "invalid input", {
      fields: [{ path: `userIds.${bad}`, message: "incidents.validation.notResponder" }],
    });
}

/** The 409 of a dispatch that lost: who dispatched whom, and when. */
async function takenError(incidentId: string): Promise<AppError> {
  const standing = await db.incidentDispatch.findFirst({ where: { incidentId, endedAt: null } });
  if (!standing) return new AppError("CONFLICT", "incidents.badState");
  const people = await peopleById([standing.dispatchedById, ...standing.userIds]);
  return new AppError("CONFLICT", "incidents.dispatchTaken", {
    details: {
      dispatchId: standing.id,
      by: people.get(standing.dispatchedById ?? "")?.name ?? "API",
      byId: standing.dispatchedById,
      to: standing.userIds.map((u) => people.get(u)?.name ?? u).join("、"),
      userIds: standing.userIds,
      at: localClock(standing.dispatchedAt),
    },
  });
}

/**
 * 派警: sends people to an incident. While a dispatch stands, another is refused by the
 * database (a partial unique index on the standing dispatch): of two duty officers clicking
 * at once, one wins and the other gets a 409 naming who dispatched whom. A re-dispatch after
 * a refusal or a timeout says so explicitly (`replace: true`): it ends the standing dispatch
 * and sends the new people, whose acceptance clock starts again.
 */
export async function dispatchIncident({ actor, input }: { actor: Actor; input: DispatchInput }) {
  assertCan(actor, "incident.dispatch");
  const inc = await incidentForActor({ actor, id: input.id });
  if (!DISPATCHABLE.includes(inc.status))
    throw new AppError("CONFLICT", "incidents.badState", { details: { status: inc.status } });
  await assertResponders(actor, inc, input.userIds);
  const now = new Date();
  try {
    await db.$transaction(async (tx) => {
      let released: string[] = [];
      if (input.replace) {
        const ended = await tx.incidentDispatch.updateManyAndReturn({
          where: { incidentId: inc.id, endedAt: null },
          data: { endedAt: now, endReason: "replaced", endedById: actor.userId },
        });
        released = ended.flatMap((d) => d.userIds).filter((u) => !input.userIds.includes(u));
      }
      const d = await tx.incidentDispatch.create({
        data: {
          incidentId: inc.id,
          unitPath: inc.unitPath,
          brigadeId: inc.brigadeId,
          userIds: input.userIds,
          dispatchedAt: now,
          dispatchedById: actor.userId,
          dispatchedByTokenId: actor.tokenId,
        },
      });
      // The first dispatch is the response time; a re-dispatch resets acceptance and arrival.
      const updated = await tx.$queryRaw<IncidentRow[]>`
        UPDATE incidents SET status = 'dispatched', dispatched_at = COALESCE(dispatched_at, ${now}),
               accepted_at = NULL, accepted_by_id = NULL, arrived_at = NULL, arrived_by_id = NULL, arrived_auto = false,
               updated_at = now()
         WHERE id = ${inc.id}::uuid AND status IN ('received', 'dispatched', 'accepted', 'on_scene')
        RETURNING id, status, kind, priority, lat, lng, received_at AS "receivedAt", unit_id AS "unitId", unit_path AS "unitPath"`;
      if (!updated.length) throw new AppError("CONFLICT", "incidents.badState");
      const row = updated[0];
      await writeAudit(tx, actor, {
        action: input.replace ? "incident.redispatch" : "incident.dispatch",
        entity: "incident",
        entityId: inc.id,
        before: { status: inc.status },
        after: { status: "dispatched", dispatchId: d.id, userIds: input.userIds, released },
        unitId: inc.unitId,
        unitPath: inc.unitPath,
      });
      await notifyEvent(tx, INCIDENT_TOPIC, inc.unitPath, incidentEvent(row, input.userIds, released));
    });
  } catch (e) {
    if (pgErrorCode(e) === UNIQUE_VIOLATION) throw await takenError(inc.id);
    throw e;
  }
  return incidentForActor({ actor, id: inc.id });
}
