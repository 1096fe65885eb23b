import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyEvent } from "@/lib/realtime/notify";
import { incidentEvent } from "./create-incident";
import { INCIDENT_TOPIC } from "./events";
import { incidentForActor, standingDispatch, type IncidentRow } from "./read-incidents";
import { STEP_FROM, STEP_TO, type Step } from "./rules";
import type { CancelInput, CloseInput, StepInput } from "./schemas";

/**
 * Who may take a step: the people of the standing dispatch take their own (accept, arrive,
 * handle); the desk (incident.dispatch) may record any step for them (a radio call) and
 * alone closes and cancels.
 */
function assertMayStep(actor: Actor, inc: IncidentRow, step: Step) {
  if (can(actor, "incident.dispatch")) return;
  const mine = !!actor.userId && !!standingDispatch(inc)?.userIds.includes(actor.userId);
  if (step === "close" || step === "cancel" || !can(actor, "incident.respond") || !mine)
    throw new AppError("FORBIDDEN", "incidents.notYours");
}

/**
 * One step of the timeline, audited, in one transaction: a conditional UPDATE from the
 * allowed statuses (so two taps or two people racing change it once), then every desk and
 * the responders hear of it. Repeating a step already taken answers the incident unchanged.
 */
async function takeStep(
  actor: Actor,
  id: string,
  step: Step,
  data: (now: Date, inc: IncidentRow) => Prisma.IncidentUpdateManyMutationInput,
  audit: Record<string, unknown> = {},
): Promise<IncidentRow> {
  const inc = await incidentForActor({ actor, id });
  assertMayStep(actor, inc, step);
  if (inc.status === STEP_TO[step]) return inc;
  await applyStep({ actor, inc, step, data, audit });
  return incidentForActor({ actor, id: inc.id });
}

/** The write of a step (the caller has authorised it): conditional update, audit, live event. */
export async function applyStep({
  actor,
  inc,
  step,
  data,
  audit = {},
}: {
  actor: Actor;
  inc: IncidentRow;
  step: Step;
  data: (now: Date, inc: IncidentRow) => Prisma.IncidentUpdateManyMutationInput;
  audit?: Record<string, unknown>;
}): Promise<void> {
  if (!STEP_FROM[step].includes(inc.status as never))
    throw new AppError("CONFLICT", "incidents.badState", { details: { status: inc.status, step } });
  const now = new Date();
  const standing = standingDispatch(inc);
  const ends = step === "close" || step === "cancel";
  await db.$transaction(async (tx) => {
    const n = await tx.incident.updateMany({
      where: { id: inc.id, status: { in: [...STEP_FROM[step]] } },
      data: { ...data(now, inc), status: STEP_TO[step] },
    });
    if (!n.count) throw new AppError("CONFLICT", "incidents.badState", { details: { step } });
    if (ends && standing)
      await tx.incidentDispatch.updateMany({
        where: { incidentId: inc.id, endedAt: null },
        data: { endedAt: now, endReason: step === "close" ? "closed" : "cancelled", endedById: actor.userId },
      });
    await writeAudit(tx, actor, {
      action: `incident.${step}`,
      entity: "incident",
      entityId: inc.id,
      before: { status: inc.status },
      after: { status: STEP_TO[step], at: now, ...audit },
      unitId: inc.unitId,
      unitPath: inc.unitPath,
    });
    const users = standing?.userIds ?? [];
    await notifyEvent(
      tx,
      INCIDENT_TOPIC,
      inc.unitPath,
      incidentEvent({ ...inc, status: STEP_TO[step] }, ends ? [] : users, ends ? users : []),
    );
  });
}

/** The columns of an arrival by `userId` (also accepts, when not accepted yet). */
export const arrivalData =
  (userId: string | null, auto: boolean) =>
  (now: Date, inc: IncidentRow): Prisma.IncidentUpdateManyMutationInput => ({
    arrivedAt: now,
    arrivedById: userId,
    arrivedAuto: auto,
    ...(inc.acceptedAt ? {} : { acceptedAt: now, acceptedById: userId }),
  });

/** 签收: the dispatched officer accepts. */
export function acceptIncident({ actor, input }: { actor: Actor; input: StepInput }) {
  return takeStep(actor, input.id, "accept", (now) => ({ acceptedAt: now, acceptedById: actor.userId }), {
    note: input.note ?? null,
  });
}

/**
 * 到场: on scene, by a tap (or the desk for them). Arriving without having accepted accepts
 * too. A position fix within 200 m does it by itself (arriveOnFix).
 */
export function arriveIncident({ actor, input }: { actor: Actor; input: StepInput }) {
  return takeStep(actor, input.id, "arrive", arrivalData(actor.userId, false), {
    auto: false,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    note: input.note ?? null,
  });
}

/** 处置完毕: handled on scene; the officer then records the accident from it. */
export function handleIncident({ actor, input }: { actor: Actor; input: StepInput }) {
  return takeStep(actor, input.id, "handle", (now) => ({ handledAt: now, handledById: actor.userId }), {
    note: input.note ?? null,
  });
}

/** 结案 with the outcome and the feedback call to the caller (回访). */
export function closeIncident({ actor, input }: { actor: Actor; input: CloseInput }) {
  return takeStep(
    actor,
    input.id,
    "close",
    (now) => ({
      closedAt: now,
      closedById: actor.userId,
      outcome: input.outcome,
      feedbackReached: input.feedback.reached,
      feedbackSatisfied: input.feedback.reached ? (input.feedback.satisfied ?? null) : null,
    }),
    { outcome: input.outcome, feedback: input.feedback },
  );
}

/** 撤销: a false alarm, a duplicate call; the reason is required. */
export function cancelIncident({ actor, input }: { actor: Actor; input: CancelInput }) {
  return takeStep(
    actor,
    input.id,
    "cancel",
    (now) => ({ cancelledAt: now, cancelledById: actor.userId, cancelReason: input.reason }),
    { reason: input.reason },
  );
}
