"use server";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/users/schemas";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/users/write-users";

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
