"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { createBlackSpotHazard } from "@/lib/hazards/black-spots";
import { createHazard, updateHazard } from "@/lib/hazards/hazards";
import { blackSpotHazardSchema, createHazardSchema, updateHazardSchema } from "@/lib/hazards/schemas";
import { getLocale } from "@/lib/i18n/server";
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

const keyOf = (raw: unknown) => {
  const k = raw && typeof raw === "object" ? (raw as Record<string, unknown>).idempotencyKey : null;
  return typeof k === "string" && k.length > 0 && k.length <= 200 ? `form:${k}` : null;
};

export async function createHazardAction(raw: Record<string, unknown>) {
  return safeAction({ schema: createHazardSchema, permission: "hazard.manage" }, async ({ actor, input }) => {
    const { record } = await createHazard({ actor, input, idempotencyKey: keyOf(raw) });
    revalidatePath("/hazards");
    return { id: record.id };
  })(raw as never);
}

export const updateHazardAction = safeAction(
  { schema: updateHazardSchema, permission: "hazard.manage" },
  async ({ actor, input }) => {
    const h = await updateHazard({ actor, input });
    revalidatePath("/hazards");
    return { id: h.id };
  },
);

export const blackSpotHazardAction = safeAction(
  { schema: blackSpotHazardSchema, permission: "hazard.manage" },
  async ({ actor, input }) => {
    const { record } = await createBlackSpotHazard({ actor, input, locale: await getLocale() });
    revalidatePath("/hazards/black-spots");
    return { id: record.id };
  },
);

export async function createEnterpriseAction(raw: Record<string, unknown>) {
  return safeAction({ schema: enterpriseSchema, permission: "keyvehicle.manage" }, async ({ actor, input }) => {
    const { record } = await createEnterprise({ actor, input, idempotencyKey: keyOf(raw) });
    revalidatePath("/hazards/enterprises");
    return { id: record.id };
  })(raw as never);
}

export async function createKeyVehicleAction(raw: Record<string, unknown>) {
  return safeAction({ schema: keyVehicleSchema, permission: "keyvehicle.manage" }, async ({ actor, input }) => {
    const { record } = await createKeyVehicle({ actor, input, idempotencyKey: keyOf(raw) });
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
    const { record } = await createKeyDriver({ actor, input, idempotencyKey: keyOf(raw) });
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
    const { record } = await createFinding({ actor, input, idempotencyKey: keyOf(raw) });
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
