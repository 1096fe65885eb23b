"use server";
import { revalidatePath } from "next/cache";
import { formKey, safeAction } from "@/lib/actions/safe-action";
import { recordBlackSpotMeasure } from "@/lib/hazards/black-spot-measures";
import { createBlackSpotHazard } from "@/lib/hazards/black-spots";
import { createHazard, updateHazard } from "@/lib/hazards/hazards";
import {
  blackSpotHazardSchema,
  blackSpotMeasureSchema,
  createHazardSchema,
  updateHazardSchema,
} from "@/lib/hazards/schemas";
import { getLocale } from "@/lib/i18n/server";

export async function createHazardAction(raw: Record<string, unknown>) {
  return safeAction({ schema: createHazardSchema, permission: "hazard.manage" }, async ({ actor, input }) => {
    const { record } = await createHazard({ actor, input, idempotencyKey: formKey(raw) });
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

export const blackSpotMeasureAction = safeAction(
  { schema: blackSpotMeasureSchema, permission: "blackspot.measure" },
  async ({ actor, input }) => {
    const row = await recordBlackSpotMeasure({ actor, input });
    revalidatePath(`/hazards/black-spots/${input.cell}`);
    return { id: row.id };
  },
);
