import { DEMO_PASSWORD } from "@/lib/auth/deployment";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SeedContext } from "./context";

/** Demo only: every demo account shares this password (see README); refused in production. */
export { DEMO_PASSWORD };

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  badge?: string;
  phone?: string;
}[] = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN", unit: "520000" },
  { username: "cq-admin", displayName: "重庆系统管理员", role: "ADMIN", unit: "500000" },
  {
    username: "zy-commander",
    displayName: "吴振国",
    role: "COMMANDER",
    unit: "522625",
    badge: "522625001",
    phone: "13908550001",
  },
  {
    username: "zy-duty",
    displayName: "杨明",
    role: "DUTY_OFFICER",
    unit: "522625",
    badge: "522625002",
    phone: "13908550002",
  },
  {
    username: "zy-clerk",
    displayName: "龙晓燕",
    role: "CLERK",
    unit: "522625",
    badge: "522625003",
    phone: "13908550003",
  },
  {
    username: "zy-officer",
    displayName: "潘建华",
    role: "OFFICER",
    unit: "522625",
    badge: "522625004",
    phone: "13908550004",
  },
  {
    username: "zy-aux",
    displayName: "邰小军",
    role: "AUXILIARY",
    unit: "522625",
    badge: "F522625005",
    phone: "13908550005",
  },
  {
    username: "zy-legal",
    displayName: "张法正",
    role: "LEGAL",
    unit: "522625",
    badge: "522625006",
    phone: "13908550006",
  },
  {
    username: "yj-commander",
    displayName: "田劢",
    role: "COMMANDER",
    unit: "520626",
    badge: "520626001",
    phone: "13908560001",
  },
  {
    username: "yj-clerk",
    displayName: "安红",
    role: "CLERK",
    unit: "520626",
    badge: "520626002",
    phone: "13908560002",
  },
  {
    username: "yy-duty",
    displayName: "易鑫源",
    role: "DUTY_OFFICER",
    unit: "500235",
    badge: "500235001",
    phone: "13908570001",
  },
];

export async function seedUsers({ db, log }: SeedContext) {
  const units = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  let hash: string | null = null;
  let created = 0;
  for (const u of DEMO_USERS) {
    const unitId = units.get(u.unit);
    if (!unitId) throw new Error(`seed: unit ${u.unit} missing`);
    const exists = await db.user.findUnique({ where: { username: u.username }, select: { id: true } });
    const data = {
      displayName: u.displayName,
      role: u.role,
      unitId,
      badgeNumber: u.badge ?? null,
      phone: u.phone ?? null,
      active: true,
    };
    if (exists) {
      // Keep the password someone may have changed; restore the rest.
      await db.user.update({ where: { id: exists.id }, data });
    } else {
      hash ??= await hashPassword(DEMO_PASSWORD);
      await db.user.create({ data: { username: u.username, passwordHash: hash, ...data } });
      created++;
    }
  }
  log(`users: ${DEMO_USERS.length} demo accounts (${created} new)`);
}
