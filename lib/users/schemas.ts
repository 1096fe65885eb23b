import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";
import { zCursor } from "@/lib/pagination";
import { ROLES } from "@/lib/auth/permissions";
import { zUnitCode } from "@/lib/units/schemas";
import { zUuid } from "@/lib/validation";

export const zRole = z.enum(ROLES);
export const zUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{2,31}$/, "validation.username");
/** A password a person sets: the one policy of lib/auth/password-policy.ts. */
export const zPassword = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const optional = (s: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), s.optional());

export const createUserSchema = z.object({
  username: zUsername,
  displayName: z.string().trim().min(1, "validation.required").max(50, "validation.tooLong"),
  badgeNumber: optional(z.string().trim().max(20, "validation.tooLong")),
  phone: optional(
    z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, "validation.phone"),
  ),
  role: zRole,
  unitCode: zUnitCode,
  password: zPassword,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = createUserSchema.omit({ password: true, username: true }).extend({ id: zUuid });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({ id: zUuid, active: z.boolean() });
export const resetPasswordSchema = z.object({ id: zUuid, password: zPassword });

export const listUsersSchema = z.object({
  q: z.string().trim().max(50).optional(),
  unitCode: zUnitCode.optional(),
  role: zRole.optional(),
  cursor: zCursor,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const userIdSchema = z.object({ id: z.string().uuid() });
