"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { decideAppeal, fileAppeal } from "@/lib/violations/appeals";
import { createOperationSchema } from "@/lib/hazards/schemas";
import { createOperation } from "@/lib/operations/operations";
import { createViolation } from "@/lib/violations/create-violation";
import { revealViolationId } from "@/lib/violations/get-violation";
import {
  createViolationSchema,
  decideAppealSchema,
  fileAppealSchema,
  updateViolationSchema,
} from "@/lib/violations/schemas";
import { updateViolation } from "@/lib/violations/update-violation";

/** The form's Idempotency-Key: a double tap or a retry after a timeout replays, never duplicates. */
function keyOf(raw: unknown): string | null {
  const k = raw && typeof raw === "object" ? (raw as Record<string, unknown>).idempotencyKey : null;
  return typeof k === "string" && k.length > 0 && k.length <= 200 ? k : null;
}

export async function createViolationAction(raw: Record<string, unknown>) {
  const key = keyOf(raw);
  return safeAction({ schema: createViolationSchema, permission: "violation.create" }, async ({ actor, input }) => {
    const { record } = await createViolation({ actor, input, idempotencyKey: key ? `form:${key}` : null });
    revalidatePath("/violations");
    return { id: record.id };
  })(raw as never);
}

export const updateViolationAction = safeAction(
  { schema: updateViolationSchema, permission: "violation.update" },
  async ({ actor, input }) => {
    const v = await updateViolation({ actor, input });
    revalidatePath(`/violations/${input.id}`);
    return { id: v.id, status: v.status };
  },
);

export const revealIdAction = safeAction(
  { schema: z.object({ id: z.string().uuid() }), permission: "idcard.reveal" },
  async ({ actor, input }) => revealViolationId({ actor, input }),
);

export const fileAppealAction = safeAction(
  { schema: fileAppealSchema, permission: "appeal.file" },
  async ({ actor, input }) => {
    const { appeal } = await fileAppeal({ actor, input });
    revalidatePath(`/violations/${input.violationId}`);
    revalidatePath("/violations/appeals");
    return { id: appeal.id, dueAt: appeal.dueAt.toISOString() };
  },
);

export const decideAppealAction = safeAction(
  { schema: decideAppealSchema, permission: "appeal.decide" },
  async ({ actor, input }) => {
    const a = await decideAppeal({ actor, input });
    revalidatePath(`/violations/${a.violationId}`);
    revalidatePath("/violations/appeals");
    return { id: a.id, status: a.status };
  },
);

export async function createOperationAction(raw: Record<string, unknown>) {
  const key = keyOf(raw);
  return safeAction({ schema: createOperationSchema, permission: "operation.manage" }, async ({ actor, input }) => {
    const { record } = await createOperation({ actor, input, idempotencyKey: key ? `form:${key}` : null });
    revalidatePath("/violations/operations");
    return { id: record.id };
  })(raw as never);
}
