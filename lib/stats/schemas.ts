/**
 * Inputs of the statistics screens and APIs (pure: shared by pages, routes and tests).
 * The report is asked for by unit and calendar year, or by unit and any period.
 */
import { z } from "zod";
import type { Period } from "./periods";

export const reportInputSchema = z.union([
  z.object({ unitCode: z.string().min(1).max(32), year: z.coerce.number().int().min(2000).max(2100) }),
  z
    .object({
      unitCode: z.string().min(1).max(32),
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    })
    .refine((x) => x.from <= x.to, { message: "validation.invalid", path: ["to"] }),
]);
export type ReportInput = z.infer<typeof reportInputSchema>;

export function reportPeriod(input: ReportInput): Period {
  return "year" in input
    ? { from: `${input.year}-01-01`, to: `${input.year}-12-31` }
    : { from: input.from, to: input.to };
}
