"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/manage-tokens";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { zUuid } from "@/lib/validation";

export const createApiTokenAction = safeAction(
  { schema: createApiTokenSchema, permission: "admin.tokens" },
  async (a) => {
    const { token, secret } = await createApiToken(a);
    revalidatePath("/admin/tokens");
    return { id: token.id, secret };
  },
);
export const revokeApiTokenAction = safeAction(
  { schema: z.object({ id: zUuid }), permission: "admin.tokens" },
  async (a) => {
    const { id } = await revokeApiToken(a);
    revalidatePath("/admin/tokens");
    return { id };
  },
);
