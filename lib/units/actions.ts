"use server";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { createUnit } from "@/lib/units/create-unit";
import { moveUnit } from "@/lib/units/move-unit";
import { renameUnit } from "@/lib/units/rename-unit";
import { createUnitSchema, moveUnitSchema, renameUnitSchema, unitProfileSchema } from "@/lib/units/schemas";
import { upsertUnitProfile } from "@/lib/units/upsert-unit-profile";

const after = <T>(v: T) => {
  revalidatePath("/admin/units");
  return v;
};

export const createUnitAction = safeAction({ schema: createUnitSchema, permission: "admin.units" }, async (a) =>
  after({ code: (await createUnit(a)).code }),
);
export const renameUnitAction = safeAction({ schema: renameUnitSchema, permission: "admin.units" }, async (a) =>
  after({ code: (await renameUnit(a)).code }),
);
export const moveUnitAction = safeAction({ schema: moveUnitSchema, permission: "admin.units" }, async (a) =>
  after({ code: (await moveUnit(a)).code }),
);
export const saveUnitProfileAction = safeAction({ schema: unitProfileSchema, permission: "admin.units" }, async (a) =>
  after({ id: (await upsertUnitProfile(a)).id }),
);
