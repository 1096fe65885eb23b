"use server";
import { revalidatePath } from "next/cache";
import { formKey, safeAction } from "@/lib/actions/safe-action";
import { createOperationSchema } from "@/lib/hazards/schemas";
import { createOperation } from "@/lib/operations/operations";

export async function createOperationAction(raw: Record<string, unknown>) {
  return safeAction({ schema: createOperationSchema, permission: "operation.manage" }, async ({ actor, input }) => {
    const { record } = await createOperation({ actor, input, idempotencyKey: formKey(raw) });
    revalidatePath("/violations/operations");
    return { id: record.id };
  })(raw as never);
}
