"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { assignComplaint, closeComplaint, createComplaint } from "@/lib/window/complaints";
import { createTransaction } from "@/lib/window/create-transaction";
import { closeDay } from "@/lib/window/day-summary";
import { evaluateTransaction } from "@/lib/window/evaluate-transaction";
import { saveBusiness, saveCounter, saveHall, saveHallHours } from "@/lib/window/manage-halls";
import { saveOutreachTrip, saveServicePoint } from "@/lib/window/outreach";
import { markFollowUpDone, resolveDifficult, revealApplicant } from "@/lib/window/read-transactions";
import {
  assignComplaintSchema,
  businessSchema,
  callNextSchema,
  closeComplaintSchema,
  closeDaySchema,
  counterSchema,
  createComplaintSchema,
  evaluationSchema,
  followUpDoneSchema,
  hallHoursSchema,
  hallSchema,
  issueTicketSchema,
  outreachTripSchema,
  resolveDifficultSchema,
  revealSchema,
  servicePointSchema,
  submitTransactionSchema,
  ticketIdSchema,
  zHallRef,
  zWindowNumber,
} from "@/lib/window/schemas";
import { zUuid } from "@/lib/validation";
import { callNext, callTicket, issueTicket, markNoShow } from "@/lib/window/tickets";

// The clerk screen's reads (queue, recent applicants, day totals) are GET routes under
// app/api/v1/window/: Next runs a page's server actions one at a time, and a read here would
// hold back the clerk's next key.
export const issueTicketAction = safeAction(
  { schema: issueTicketSchema, permission: "window.serve" },
  async ({ actor, input }) => {
    const t = await issueTicket({ actor, input });
    return {
      id: t.id,
      number: t.number,
      issuedAt: t.issuedAt,
      hallCode: t.hallCode,
      businessKey: t.businessKey,
      ahead: t.ahead,
    };
  },
);
export const callNextAction = safeAction({ schema: callNextSchema, permission: "window.serve" }, ({ actor, input }) =>
  callNext({ actor, input }),
);
export const callTicketAction = safeAction(
  { schema: z.object({ id: zUuid, window: zWindowNumber, hall: zHallRef }), permission: "window.serve" },
  ({ actor, input }) => callTicket({ actor, id: input.id, input: { window: input.window, hall: input.hall } }),
);
export const noShowAction = safeAction({ schema: ticketIdSchema, permission: "window.serve" }, ({ actor, input }) =>
  markNoShow({ actor, id: input.id }),
);

/** The clerk screen's submit: the completion time is the server's, the key makes retries safe. */
export const submitTransactionAction = safeAction(
  { schema: submitTransactionSchema, permission: "window.serve" },
  async ({ actor, input }) => {
    const { idempotencyKey, ...rest } = input;
    const { record, created } = await createTransaction({
      actor,
      input: { ...rest, completedAt: undefined },
      idempotencyKey,
    });
    revalidatePath("/window/transactions");
    return {
      id: record.id,
      created,
      applicantName: record.applicantName,
      businessKey: record.businessKey,
      afterHours: record.afterHours,
    };
  },
);

export const evaluateAction = safeAction(
  { schema: evaluationSchema.extend({ id: zUuid }), permission: "window.serve" },
  async ({ actor, input }) => {
    const { evaluation, created } = await evaluateTransaction({
      actor,
      id: input.id,
      input: { rating: input.rating, comment: input.comment },
    });
    revalidatePath(`/window/transactions/${input.id}`);
    return {
      created,
      rating: evaluation.rating,
      complaintId: evaluation.complaint?.id ?? null,
      complaintDue: evaluation.complaint?.dueDate ?? null,
    };
  },
);

/** Filling the form from a recent applicant shows the full ID number: audited like any reveal. */
export const useApplicantAction = safeAction({ schema: revealSchema, permission: "window.serve" }, ({ actor, input }) =>
  revealApplicant({ actor, id: input.id }),
);
export const revealAction = safeAction({ schema: revealSchema, permission: "idcard.reveal" }, ({ actor, input }) =>
  revealApplicant({ actor, id: input.id }),
);
export const followUpDoneAction = safeAction(
  { schema: followUpDoneSchema, permission: "window.serve" },
  async ({ actor, input }) => {
    await markFollowUpDone({ actor, id: input.id });
    revalidatePath(`/window/transactions/${input.id}`);
    return { id: input.id };
  },
);

export const resolveDifficultAction = safeAction(
  { schema: resolveDifficultSchema, permission: "window.serve" },
  async ({ actor, input }) => {
    await resolveDifficult({ actor, id: input.id, resolution: input.resolution });
    revalidatePath(`/window/transactions/${input.id}`);
    return { id: input.id };
  },
);

export const closeDayAction = safeAction(
  { schema: closeDaySchema, permission: "window.serve" },
  async ({ actor, input }) => {
    const row = await closeDay({ actor, note: input.note });
    revalidatePath("/window/day");
    return { id: row.id, closedAt: row.closedAt };
  },
);

export const closeComplaintAction = safeAction(
  { schema: closeComplaintSchema, permission: "window.supervise" },
  async ({ actor, input }) => {
    const c = await closeComplaint({ actor, input });
    revalidatePath("/window/complaints");
    return { id: c.id };
  },
);
export const assignComplaintAction = safeAction(
  { schema: assignComplaintSchema, permission: "window.supervise" },
  async ({ actor, input }) => {
    const c = await assignComplaint({ actor, input });
    revalidatePath("/window/complaints");
    return { id: c.id };
  },
);
export const createComplaintAction = safeAction(
  { schema: createComplaintSchema, permission: "window.supervise" },
  async ({ actor, input }) => {
    const c = await createComplaint({ actor, input });
    revalidatePath("/window/complaints");
    return { id: c.id };
  },
);

export const saveTripAction = safeAction({ schema: outreachTripSchema }, async ({ actor, input }) => {
  const t = await saveOutreachTrip({ actor, input });
  revalidatePath("/window/trips");
  return { id: t.id };
});
export const savePointAction = safeAction(
  { schema: servicePointSchema, permission: "window.manage" },
  async ({ actor, input }) => {
    const p = await saveServicePoint({ actor, input });
    revalidatePath("/window/points");
    return { id: p.id };
  },
);
export const saveHallAction = safeAction(
  { schema: hallSchema, permission: "window.manage" },
  async ({ actor, input }) => {
    const h = await saveHall({ actor, input });
    revalidatePath("/window/settings");
    return { id: h.id };
  },
);
export const saveHoursAction = safeAction(
  { schema: hallHoursSchema, permission: "window.manage" },
  async ({ actor, input }) => {
    await saveHallHours({ actor, input });
    revalidatePath("/window/settings");
    return { hallId: input.hallId };
  },
);
export const saveCounterAction = safeAction(
  { schema: counterSchema, permission: "window.manage" },
  async ({ actor, input }) => {
    const c = await saveCounter({ actor, input });
    revalidatePath("/window/settings");
    return { id: c.id };
  },
);
export const saveBusinessAction = safeAction(
  { schema: businessSchema, permission: "admin.catalogue" },
  async ({ actor, input }) => {
    const b = await saveBusiness({ actor, input });
    revalidatePath("/window/settings");
    return { key: b.key };
  },
);
