"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/manage-tokens";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { createUnit } from "@/lib/units/create-unit";
import { moveUnit } from "@/lib/units/move-unit";
import { renameUnit } from "@/lib/units/rename-unit";
import { createUnitSchema, moveUnitSchema, renameUnitSchema, unitProfileSchema } from "@/lib/units/schemas";
import { upsertUnitProfile } from "@/lib/units/upsert-unit-profile";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/users/schemas";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/users/write-users";

const after = <T>(path: string, v: T) => {
  revalidatePath(path);
  return v;
};

export const createUnitAction = safeAction({ schema: createUnitSchema, permission: "admin.units" }, async (a) =>
  after("/admin/units", { code: (await createUnit(a)).code }),
);
export const renameUnitAction = safeAction({ schema: renameUnitSchema, permission: "admin.units" }, async (a) =>
  after("/admin/units", { code: (await renameUnit(a)).code }),
);
export const moveUnitAction = safeAction({ schema: moveUnitSchema, permission: "admin.units" }, async (a) =>
  after("/admin/units", { code: (await moveUnit(a)).code }),
);
export const saveUnitProfileAction = safeAction({ schema: unitProfileSchema, permission: "admin.units" }, async (a) =>
  after("/admin/units", { id: (await upsertUnitProfile(a)).id }),
);

export const createUserAction = safeAction({ schema: createUserSchema, permission: "admin.users" }, async (a) =>
  after("/admin/users", { id: (await createUser(a)).id }),
);
export const updateUserAction = safeAction({ schema: updateUserSchema, permission: "admin.users" }, async (a) =>
  after("/admin/users", { id: (await updateUser(a)).id }),
);
export const setUserActiveAction = safeAction({ schema: setUserActiveSchema, permission: "admin.users" }, async (a) =>
  after("/admin/users", { id: (await setUserActive(a)).id }),
);
export const resetPasswordAction = safeAction({ schema: resetPasswordSchema, permission: "admin.users" }, async (a) =>
  after("/admin/users", await resetPassword(a)),
);

export const createApiTokenAction = safeAction(
  { schema: createApiTokenSchema, permission: "admin.tokens" },
  async (a) => {
    const { token, secret } = await createApiToken(a);
    return after("/admin/tokens", { id: token.id, secret });
  },
);
export const revokeApiTokenAction = safeAction(
  { schema: z.object({ id: z.string().uuid() }), permission: "admin.tokens" },
  async (a) => after("/admin/tokens", { id: (await revokeApiToken(a)).id }),
);
