"use server";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { saveViolationType } from "@/lib/violations/catalogue";
import { violationTypeSchema } from "@/lib/violations/schemas";

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
