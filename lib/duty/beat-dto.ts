import "server-only";
import { db } from "@/lib/db";
import { maskPhone } from "@/lib/identity/id-card";
import { can, type Actor } from "@/lib/auth/actor";

export interface BeatPerson {
  id: string;
  name: string;
  badgeNumber: string | null;
  role: string;
  phone: string | null;
}

export interface BeatDto {
  id: string;
  gridId: string;
  gridName: string;
  unitCode: string;
  startsAt: string;
  endsAt: string;
  shiftKind: string;
  lead: BeatPerson | null;
  auxiliaries: BeatPerson[];
  mustReachPoints: { id: string; name: string }[];
  mustCorrectTypes: string[];
  notes: string | null;
  version: number;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export const beatInclude = {
  grid: { select: { name: true } },
  members: { select: { userId: true, role: true } },
  points: { select: { point: { select: { id: true, name: true } } } },
} as const;

type BeatRow = Awaited<ReturnType<typeof loadRows>>[number];
const loadRows = (ids: string[]) => db.beat.findMany({ where: { id: { in: ids } }, include: beatInclude });

/** Beats as the API and the board show them; phones masked unless the viewer may see them. */
export async function toBeatDtos({ actor, rows }: { actor: Actor; rows: BeatRow[] }): Promise<BeatDto[]> {
  const userIds = [...new Set(rows.flatMap((r) => r.members.map((m) => m.userId)))];
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const [users, units] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, displayName: true, badgeNumber: true, role: true, phone: true },
    }),
    db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true } }),
  ]);
  const reveal = can(actor, "personnel.contact");
  const person = new Map(
    users.map((u) => [
      u.id,
      {
        id: u.id,
        name: u.displayName,
        badgeNumber: u.badgeNumber,
        role: u.role,
        phone: reveal ? u.phone : u.phone ? maskPhone(u.phone) : null,
      },
    ]),
  );
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  return rows.map((r) => {
    const lead = r.members.find((m) => m.role === "lead");
    return {
      id: r.id,
      gridId: r.gridId,
      gridName: r.grid.name,
      unitCode: unitCode.get(r.unitId) ?? "",
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      shiftKind: r.shiftKind,
      lead: lead ? (person.get(lead.userId) ?? null) : null,
      auxiliaries: r.members
        .filter((m) => m.role === "auxiliary")
        .map((m) => person.get(m.userId)!)
        .filter(Boolean)
        .sort((a, b) => a.name.localeCompare(b.name, "zh")),
      mustReachPoints: r.points.map((p) => p.point),
      mustCorrectTypes: r.mustCorrectTypes,
      notes: r.notes,
      version: r.version,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      cancelReason: r.cancelReason,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function beatDtosByIds({ actor, ids }: { actor: Actor; ids: string[] }): Promise<BeatDto[]> {
  return toBeatDtos({ actor, rows: await loadRows(ids) });
}
