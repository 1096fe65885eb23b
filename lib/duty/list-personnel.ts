import "server-only";
import { db } from "@/lib/db";
import { can, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { maskPhone } from "@/lib/identity/id-card";
import { scopePathFor } from "@/lib/units/read-units";

export interface RosterablePerson {
  id: string;
  name: string;
  badgeNumber: string | null;
  role: "OFFICER" | "AUXILIARY";
  phone: string | null;
  unit: { code: string; nameZh: string; nameEn: string };
}

/**
 * People who can be rostered under a unit: active road police officers (路警, lead) and
 * auxiliaries (路员). Phones are masked unless the viewer may see them.
 */
export async function listPersonnel({
  actor,
  input = {},
}: {
  actor: Actor;
  input?: { unit?: string; role?: "OFFICER" | "AUXILIARY" };
}): Promise<RosterablePerson[]> {
  if (!can(actor, "beat.view")) throw new AppError("FORBIDDEN", "missing permission beat.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const rows = await db.user.findMany({
    where: { active: true, role: input.role ?? { in: ["OFFICER", "AUXILIARY"] }, unit: { path: underPath(path) } },
    select: {
      id: true,
      displayName: true,
      badgeNumber: true,
      role: true,
      phone: true,
      unit: { select: { code: true, nameZh: true, nameEn: true } },
    },
    orderBy: [{ role: "asc" }, { unit: { path: "asc" } }, { displayName: "asc" }],
  });
  const reveal = can(actor, "personnel.contact");
  return rows.map((u) => ({
    id: u.id,
    name: u.displayName,
    badgeNumber: u.badgeNumber,
    role: u.role as "OFFICER" | "AUXILIARY",
    phone: u.phone ? (reveal ? u.phone : maskPhone(u.phone)) : null,
    unit: u.unit,
  }));
}
