"use server";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import {
  createUserSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  updateUserSchema,
  userIdSchema,
} from "@/lib/users/schemas";
import {
  createUser,
  endUserSessions,
  resetPassword,
  resetSecondFactor,
  setUserActive,
  updateUser,
} from "@/lib/users/write-users";

const after = <T>(v: T) => {
  revalidatePath("/admin/users");
  return v;
};

export const createUserAction = safeAction({ schema: createUserSchema, permission: "admin.users" }, async (a) =>
  after({ id: (await createUser(a)).id }),
);
export const updateUserAction = safeAction({ schema: updateUserSchema, permission: "admin.users" }, async (a) =>
  after({ id: (await updateUser(a)).id }),
);
export const setUserActiveAction = safeAction({ schema: setUserActiveSchema, permission: "admin.users" }, async (a) =>
  after({ id: (await setUserActive(a)).id }),
);
export const resetPasswordAction = safeAction({ schema: resetPasswordSchema, permission: "admin.users" }, async (a) =>
  after(await resetPassword(a)),
);

/** Ends every session of a user at once (lost phone). */
export const endUserSessionsAction = safeAction({ schema: userIdSchema, permission: "admin.users" }, async (a) => {
  const r = await endUserSessions(a);
  revalidatePath(`/admin/users/${r.id}`);
  return r;
});

/** Removes a user's second factor (lost phone); audited. */
export const resetSecondFactorAction = safeAction({ schema: userIdSchema, permission: "admin.users" }, async (a) => {
  const r = await resetSecondFactor(a);
  revalidatePath(`/admin/users/${r.id}`);
  return r;
});
