"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formKey, safeAction } from "@/lib/actions/safe-action";
import { createEnterprise, createKeyDriver, createKeyVehicle, updateEntry } from "@/lib/keyvehicles/registry";
import {
  actionSchema,
  closeFindingSchema,
  enterpriseSchema,
  findingSchema,
  keyDriverSchema,
  keyVehicleSchema,
  updateKeyDriverSchema,
  updateKeyVehicleSchema,
} from "@/lib/keyvehicles/schemas";
import { addAction, closeFinding, createFinding, screenKeyVehicles } from "@/lib/keyvehicles/supervision";

export async function createEnterpriseAction(raw: Record<string, unknown>) {
  return safeAction({ schema: enterpriseSchema, permission: "keyvehicle.manage" }, async ({ actor, input }) => {
    const { record } = await createEnterprise({ actor, input, idempotencyKey: formKey(raw) });
    revalidatePath("/hazards/enterprises");
    return { id: record.id };
  })(raw as never);
}

export async function createKeyVehicleAction(raw: Record<string, unknown>) {
  return safeAction({ schema: keyVehicleSchema, permission: "keyvehicle.manage" }, async ({ actor, input }) => {
    const { record } = await createKeyVehicle({ actor, input, idempotencyKey: formKey(raw) });
    revalidatePath("/hazards/key-vehicles");
    return { id: record.id };
  })(raw as never);
}

export const updateKeyVehicleAction = safeAction(
  { schema: updateKeyVehicleSchema, permission: "keyvehicle.manage" },
  async ({ actor, input }) => {
    await updateEntry({ actor, entity: "key_vehicle", input });
    revalidatePath("/hazards/key-vehicles");
    return { id: input.id };
  },
);

export async function createKeyDriverAction(raw: Record<string, unknown>) {
  return safeAction({ schema: keyDriverSchema, permission: "keyvehicle.manage" }, async ({ actor, input }) => {
    const { record } = await createKeyDriver({ actor, input, idempotencyKey: formKey(raw) });
    revalidatePath("/hazards/drivers");
    return { id: record.id };
  })(raw as never);
}

export const updateKeyDriverAction = safeAction(
  { schema: updateKeyDriverSchema, permission: "keyvehicle.manage" },
  async ({ actor, input }) => {
    await updateEntry({ actor, entity: "key_driver", input });
    revalidatePath("/hazards/drivers");
    return { id: input.id };
  },
);

export async function createFindingAction(raw: Record<string, unknown>) {
  return safeAction({ schema: findingSchema, permission: "keyvehicle.manage" }, async ({ actor, input }) => {
    const { record } = await createFinding({ actor, input, idempotencyKey: formKey(raw) });
    revalidatePath("/hazards/supervision");
    return { id: record.id };
  })(raw as never);
}

export const addActionAction = safeAction(
  { schema: actionSchema, permission: "keyvehicle.manage" },
  async ({ actor, input }) => {
    const { action } = await addAction({ actor, input });
    revalidatePath("/hazards/supervision");
    return { id: action.id };
  },
);

export const closeFindingAction = safeAction(
  { schema: closeFindingSchema, permission: "keyvehicle.manage" },
  async ({ actor, input }) => {
    const f = await closeFinding({ actor, input });
    revalidatePath("/hazards/supervision");
    return { id: f.id };
  },
);

export const screenAction = safeAction({ schema: z.object({}), permission: "keyvehicle.manage" }, async ({ actor }) => {
  const raised = await screenKeyVehicles({ actor });
  revalidatePath("/hazards/supervision");
  return raised;
});
