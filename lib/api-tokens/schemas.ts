import { z } from "zod";
import { TOKEN_PERMISSIONS } from "@/lib/auth/permissions";
import { zUnitCode } from "@/lib/units/schemas";
import { opt } from "@/lib/validation";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  unitCode: zUnitCode,
  permissions: z.array(z.enum(TOKEN_PERMISSIONS as [string, ...string[]])).min(1, "validation.required"),
  expiresAt: opt(z.coerce.date()),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
