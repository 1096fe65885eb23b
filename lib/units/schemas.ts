import { z } from "zod";
import { opt } from "@/lib/validation";

export const zUnitCode = z
  .string()
  .trim()
  .min(2, "validation.required")
  .max(32, "validation.tooLong")
  .regex(/^[0-9A-Za-z_-]+$/, "validation.unitCode");
export const zUnitKind = z.enum(["PROVINCE", "DETACHMENT", "BRIGADE", "SQUAD"]);
export const zSquadKind = z.enum(["URBAN", "RURAL", "HIGHWAY"]);

export const createUnitSchema = z.object({
  parentCode: zUnitCode,
  kind: z.enum(["DETACHMENT", "BRIGADE", "SQUAD"]),
  code: zUnitCode,
  nameZh: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  nameEn: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  squadKind: zSquadKind.optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const renameUnitSchema = z.object({
  code: zUnitCode,
  nameZh: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  nameEn: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  squadKind: zSquadKind.nullish(),
});
export type RenameUnitInput = z.infer<typeof renameUnitSchema>;

export const moveUnitSchema = z.object({ code: zUnitCode, newParentCode: zUnitCode });
export type MoveUnitInput = z.infer<typeof moveUnitSchema>;

const optInt = opt(z.coerce.number().int("validation.positiveInt").min(0, "validation.positiveInt"));
const optNum = opt(z.coerce.number().min(0, "validation.positiveInt"));

export const unitProfileSchema = z.object({
  code: zUnitCode,
  year: z.coerce.number().int().min(1990).max(2100),
  population: optInt,
  roadKm: optNum,
  vehicles: optInt,
  drivers: optInt,
  police: optInt,
  auxiliaries: optInt,
});
export type UnitProfileInput = z.infer<typeof unitProfileSchema>;

/**
 * Which kinds may sit directly below which. Brigades usually sit under a city
 * detachment; in municipalities (Chongqing) directly under the provincial corps.
 */
export const PARENT_KINDS = {
  PROVINCE: [],
  DETACHMENT: ["PROVINCE"],
  BRIGADE: ["DETACHMENT", "PROVINCE"],
  SQUAD: ["BRIGADE"],
} as const;
export const CHILD_KINDS = {
  PROVINCE: ["DETACHMENT", "BRIGADE"],
  DETACHMENT: ["BRIGADE"],
  BRIGADE: ["SQUAD"],
  SQUAD: [],
} as const;

export function mayContain(parentKind: keyof typeof CHILD_KINDS, childKind: string): boolean {
  return (CHILD_KINDS[parentKind] as readonly string[]).includes(childKind);
}
