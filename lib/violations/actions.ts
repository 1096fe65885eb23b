"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formKey, safeAction } from "@/lib/actions/safe-action";
import { decideAppeal, fileAppeal } from "@/lib/violations/appeals";
import { saveViolationType } from "@/lib/violations/catalogue";
import { createViolation } from "@/lib/violations/create-violation";
import { revealViolationId } from "@/lib/violations/get-violation";
import {
  createViolationSchema,
  decideAppealSchema,
  fileAppealSchema,
  updateViolationSchema,
  violationTypeSchema,
} from "@/lib/violations/schemas";
import { updateViolation } from "@/lib/violations/update-violation";
import { zUuid } from "@/lib/validation";

export async function createViolationAction(raw: Record<string, unknown>) {
  return safeAction({ schema: createViolationSchema, permission: "violation.create" }, async ({ actor, input }) => {
    const { record } = await createViolation({ actor, input, idempotencyKey: formKey(raw) });
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
  { schema: z.object({ id: zUuid }), permission: "idcard.reveal" },
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

/** The violation-type catalogue (Administration → catalogue). */
export const createViolationTypeAction = safeAction(
  { schema: violationTypeSchema, permission: "admin.catalogue" },
  async ({ actor, input }) => {
    const saved = await saveViolationType({ actor, input, mode: "create" });
    revalidatePath("/admin/catalogue");
    return { key: saved.key };
  },
);

export const updateViolationTypeAction = safeAction(
  { schema: violationTypeSchema, permission: "admin.catalogue" },
  async ({ actor, input }) => {
    const saved = await saveViolationType({ actor, input, mode: "update" });
    revalidatePath("/admin/catalogue");
    return { key: saved.key };
  },
);
