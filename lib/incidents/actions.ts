"use server";
/**
 * The desk's and the responder's forms (server actions): the same domain functions as the
 * API, each checking its own permission and the record's scope.
 */
import { safeAction } from "@/lib/actions/safe-action";
import { createIncident } from "./create-incident";
import { dispatchIncident } from "./dispatch-incident";
import { acceptIncident, arriveIncident, cancelIncident, closeIncident, handleIncident } from "./incident-steps";
import { revealCallerPhone } from "./reveal-caller";
import {
  cancelSchema,
  closeSchema,
  createIncidentSchema,
  dispatchSchema,
  incidentIdSchema,
  stepSchema,
} from "./schemas";

/** The form's own idempotency key (a double Enter or a retry never logs the call twice). */
const formKey = (raw: unknown) => {
  const k = raw && typeof raw === "object" ? (raw as Record<string, unknown>).idempotencyKey : null;
  return typeof k === "string" && k.length > 0 && k.length <= 200 ? `form:${k}` : null;
};

export async function createIncidentAction(raw: Record<string, unknown>) {
  return safeAction({ schema: createIncidentSchema, permission: "incident.create" }, async ({ actor, input }) => {
    const { record } = await createIncident({ actor, input, idempotencyKey: formKey(raw) });
    return { id: record.id };
  })(raw as never);
}

export const dispatchIncidentAction = safeAction(
  { schema: dispatchSchema, permission: "incident.dispatch" },
  async ({ actor, input }) => ({ id: (await dispatchIncident({ actor, input })).id }),
);

export const acceptIncidentAction = safeAction({ schema: stepSchema }, async ({ actor, input }) => ({
  id: (await acceptIncident({ actor, input })).id,
}));

export const arriveIncidentAction = safeAction({ schema: stepSchema }, async ({ actor, input }) => ({
  id: (await arriveIncident({ actor, input })).id,
}));

export const handleIncidentAction = safeAction({ schema: stepSchema }, async ({ actor, input }) => ({
  id: (await handleIncident({ actor, input })).id,
}));

export const closeIncidentAction = safeAction(
  { schema: closeSchema, permission: "incident.dispatch" },
  async ({ actor, input }) => ({ id: (await closeIncident({ actor, input })).id }),
);

export const cancelIncidentAction = safeAction(
  { schema: cancelSchema, permission: "incident.dispatch" },
  async ({ actor, input }) => ({ id: (await cancelIncident({ actor, input })).id }),
);

export const revealCallerAction = safeAction(
  { schema: incidentIdSchema, permission: "incident.caller" },
  async ({ actor, input }) => revealCallerPhone({ actor, input }),
);
