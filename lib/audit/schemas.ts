import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export const listAuditSchema = z.object({
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "validation.cursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditInput = z.infer<typeof listAuditSchema>;

/** What can be printed (to paper or PDF), and who may. */
export const PRINT_PERMISSION = { report: "report.view", roster: "beat.view" } as const satisfies Record<
  string,
  Permission
>;

export const printSchema = z.object({
  what: z.enum(["report", "roster"]),
  filter: z.record(z.string().max(40), z.string().max(100)).refine((f) => Object.keys(f).length <= 10),
});
export type PrintInput = z.infer<typeof printSchema>;
