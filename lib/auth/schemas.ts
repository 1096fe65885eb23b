import { z } from "zod";

/** A code from the authenticator app (6 digits) or a recovery code (xxxx-xxxx-xxxx-xxxx). */
export const secondFactorSchema = z.object({
  code: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
});

export const confirmEnrolmentSchema = z.object({
  sealed: z.string().min(1).max(2000),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "auth.codeFormat"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(256, "validation.tooLong"),
    newPassword: z.string().min(1, "validation.required").max(256, "validation.tooLong"),
    confirmPassword: z.string().max(256, "validation.tooLong"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordMismatch",
  });

/** The proof, from the enrolment just confirmed, that this session may count as having passed the factor. */
export const completeEnrolmentSchema = z.object({ proof: z.string().min(1).max(2000) });

export const noInput = z.object({}).optional();
