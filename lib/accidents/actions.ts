"use server";
import { revalidatePath } from "next/cache";
import { createAccident } from "@/lib/accidents/create-accident";
import { createAccidentSchema, updateAccidentSchema } from "@/lib/accidents/schemas";
import { updateAccident } from "@/lib/accidents/update-accident";
import { formKey, safeAction } from "@/lib/actions/safe-action";

export async function createAccidentAction(raw: Record<string, unknown>) {
  return safeAction({ schema: createAccidentSchema, permission: "accident.create" }, async ({ actor, input }) => {
    const { record } = await createAccident({ actor, input, idempotencyKey: formKey(raw) });
    revalidatePath("/accidents");
    return { id: record.id };
  })(raw as never);
}

export const updateAccidentAction = safeAction(
  { schema: updateAccidentSchema, permission: "accident.update" },
  async ({ actor, input }) => {
    const a = await updateAccident({ actor, input });
    revalidatePath(`/accidents/${input.id}`);
    return { id: a.id, severity: a.severity };
  },
);
