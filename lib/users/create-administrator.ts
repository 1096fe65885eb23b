import "server-only";
import os from "node:os";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import { zUnitCode } from "@/lib/units/schemas";
import { zUsername } from "./schemas";

/**
 * The first administrator of a deployment (and any later one made from the command line):
 * `npm run admin:create`. On an empty database it also creates the top unit (a province
 * by default). The password follows the policy and must be changed at first sign-in; the
 * role then enrols its second factor.
 */
export const createAdministratorSchema = z
  .object({
    username: zUsername,
    displayName: z.string().trim().min(1, "validation.required").max(50, "validation.tooLong"),
    password: z.string().max(256, "validation.tooLong"),
    unitCode: zUnitCode,
    /** Only for a unit that does not exist yet (the top of the tree). */
    unitNameZh: z.string().trim().min(1).max(100).optional(),
    unitNameEn: z.string().trim().min(1).max(200).optional(),
    unitKind: z.enum(["PROVINCE", "DETACHMENT", "BRIGADE"]).default("PROVINCE"),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type CreateAdministratorInput = z.input<typeof createAdministratorSchema>;

/** Run by an operator at the console: there is no signed-in actor, the audit row names the command. */
export async function createAdministrator({ input: raw }: { input: CreateAdministratorInput }) {
  const input = createAdministratorSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    let unit = await tx.unit.findUnique({ where: { code: input.unitCode } });
    if (!unit) {
      if ((await tx.unit.count()) > 0)
        throw new AppError("NOT_FOUND", `unit ${input.unitCode} not found (create it in Administration → Units)`);
      if (!input.unitNameZh || !input.unitNameEn)
        throw new AppError("INVALID", "the database has no units yet: give the top unit's Chinese and English names", {
          fields: [{ path: "unitNameZh", message: "validation.required" }],
        });
      unit = await tx.unit.create({
        data: {
          code: input.unitCode,
          path: `/${input.unitCode}/`,
          depth: 1,
          kind: input.unitKind,
          nameZh: input.unitNameZh,
          nameEn: input.unitNameEn,
        },
      });
    }
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } }))
      throw new AppError("CONFLICT", `username ${input.username} already in use`, {
        fields: [{ path: "username", message: "username already in use" }],
      });
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: "ADMIN",
        unitId: unit.id,
        passwordHash,
        mustChangePassword: true,
      },
      select: { id: true, username: true, displayName: true, role: true, unitId: true },
    });
    await tx.auditLog.create({
      data: {
        // Who ran the command: the operating-system account, as for command-line imports.
        actorName: `npm run admin:create (${os.userInfo().username}@${os.hostname()})`,
        actorRole: "SYSTEM",
        unitId: unit.id,
        unitPath: unit.path,
        action: "user.create",
        entity: "user",
        entityId: user.id,
        after: { ...user, unitCode: unit.code },
        ip: null,
        requestId: `cli-${process.pid}-${Date.now()}`,
      },
    });
    return { user, unit: { code: unit.code, path: unit.path } };
  });
}

export function unitCount(): Promise<number> {
  return db.unit.count();
}
