import "server-only";
import os from "node:os";
import { db } from "@/lib/db";
import { userActor, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** What a command-line import may do when no user is named: import and record, with penalties. */
export const CLI_PERMISSIONS: Permission[] = [
  "records.import",
  "violation.create",
  "violation.penalize",
  "accident.create",
  "accident.view",
  "violation.view",
];

/**
 * The actor of a command-line job (npm run import): either a named user (their role and
 * scope, so the audit log shows who ran it) or a system actor scoped to one unit. Audit
 * rows of the system actor carry the operating-system account that ran the command.
 */
export async function cliActor(opts: { unitCode: string; asUser?: string }): Promise<Actor> {
  const meta = { ip: null, requestId: `cli-${process.pid}-${Date.now()}` };
  if (opts.asUser) {
    const u = await db.user.findUnique({
      where: { username: opts.asUser.toLowerCase() },
      include: { unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } },
    });
    if (!u || !u.active) throw new AppError("NOT_FOUND", `user ${opts.asUser} not found or disabled`);
    return userActor(u, meta);
  }
  const unit = await db.unit.findUnique({
    where: { code: opts.unitCode },
    select: { id: true, code: true, path: true },
  });
  if (!unit) throw new AppError("NOT_FOUND", `unit ${opts.unitCode} not found`);
  return {
    kind: "token",
    id: `cli:${opts.unitCode}`,
    userId: null,
    tokenId: null,
    name: `npm run import (${os.userInfo().username}@${os.hostname()})`,
    role: "TOKEN",
    unitId: unit.id,
    unitCode: unit.code,
    unitPath: unit.path,
    permissions: new Set(CLI_PERMISSIONS),
    meta,
  };
}
