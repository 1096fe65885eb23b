import "server-only";
/**
 * What the field app keeps on the phone so that it works with no network: who is signed
 * in and what they may do, the violation catalogue (with pinyin initials for the search),
 * today's and the next beats of this person (grid outline, times, lead and partners,
 * must-reach points with their windows, must-correct types) and the grids of their squad.
 * Fetched when the app opens online and stored in IndexedDB (lib/field/store.ts).
 */
import { pinyin } from "pinyin-pro";
import { db } from "@/lib/db";
import { assertCan, can, type SessionUser } from "@/lib/auth/actor";
import { listViolationTypes } from "@/lib/violations/catalogue";
import { getDutySettings } from "@/lib/duty/settings";
import { brigadeCodeOf } from "@/lib/units/brigade";
import type { FieldBootstrap } from "./types";

/** Beats that ended more than this long ago are not shown; upcoming ones up to a week ahead. */
const PAST_MS = 12 * 3600_000;
const AHEAD_MS = 7 * 86_400_000;

/** 违法停车 → "wftc": what an officer types to find a type quickly. */
export function initialsOf(nameZh: string): string {
  return pinyin(nameZh, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
}

export async function fieldBootstrap({ actor }: { actor: SessionUser }): Promise<FieldBootstrap> {
  assertCan(actor, "field.use");
  const now = Date.now();
  // Their own beats (membership is the scope: a person may be rostered in another squad).
  const beats = await db.beat.findMany({
    where: {
      cancelledAt: null,
      members: { some: { userId: actor.userId } },
      endsAt: { gte: new Date(now - PAST_MS) },
      startsAt: { lte: new Date(now + AHEAD_MS) },
    },
    include: {
      grid: { select: { id: true, name: true, geometry: true, bbox: true } },
      members: { select: { userId: true, role: true } },
      points: { select: { point: true } },
    },
    orderBy: { startsAt: "asc" },
    take: 50,
  });
  const peopleIds = [...new Set(beats.flatMap((b) => b.members.map((m) => m.userId)))];
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: peopleIds } },
        select: { id: true, displayName: true, badgeNumber: true, phone: true },
      })
    ).map((u) => [u.id, u]),
  );
  const person = (id: string) => {
    const u = people.get(id);
    // Partners on the same beat may call each other: the phone number is shown in full.
    return { id, name: u?.displayName ?? "", badgeNumber: u?.badgeNumber ?? null, phone: u?.phone ?? null };
  };
  const beatUnitIds = [...new Set(beats.map((b) => b.unitId))];
  const grids = await db.grid.findMany({
    where: {
      archivedAt: null,
      // The grids of the squads this person works in (their own beats' squads, their own unit).
      OR: [{ unitId: { in: beatUnitIds } }, { unitId: actor.unitId }],
    },
    select: { id: true, name: true, geometry: true, bbox: true },
    take: 100,
  });
  const catalogue = can(actor, "violation.create")
    ? await listViolationTypes({ actor, input: { activeOnly: true } })
    : [];
  const brigadeCode = brigadeCodeOf({ kind: actor.unitKind, path: actor.unitPath });
  const brigade = brigadeCode ? await db.unit.findUnique({ where: { code: brigadeCode }, select: { id: true } }) : null;
  const settings = brigade ? await getDutySettings(brigade.id) : null;

  return {
    generatedAt: new Date(now).toISOString(),
    user: {
      id: actor.userId,
      name: actor.displayName,
      role: actor.role,
      unitCode: actor.unitCode,
      unitNameZh: actor.unitNameZh,
      unitNameEn: actor.unitNameEn,
      permissions: [...actor.permissions].filter((p) =>
        [
          "violation.create",
          "violation.penalize",
          "accident.create",
          "hazard.manage",
          "position.report",
          "sos.raise",
          "incident.respond",
        ].includes(p),
      ),
    },
    catalogue: catalogue.map((c) => ({
      key: c.key,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      initials: initialsOf(c.nameZh),
      fineMinYuan: c.fineMinYuan,
      fineMaxYuan: c.fineMaxYuan,
      points: c.points,
      maxDetentionDays: c.maxDetentionDays,
      auxiliaryMayRecord: c.auxiliaryMayRecord,
      active: c.active,
      serious: c.serious,
    })),
    beats: beats.map((b) => {
      const lead = b.members.find((m) => m.role === "lead");
      return {
        id: b.id,
        startsAt: b.startsAt.toISOString(),
        endsAt: b.endsAt.toISOString(),
        shiftKind: b.shiftKind,
        gridId: b.grid.id,
        gridName: b.grid.name,
        lead: lead ? person(lead.userId) : null,
        auxiliaries: b.members.filter((m) => m.role === "auxiliary").map((m) => person(m.userId)),
        points: b.points.map(({ point: p }) => ({
          id: p.id,
          name: p.name,
          lat: p.lat,
          lng: p.lng,
          radiusM: p.radiusM,
          timeWindows: p.timeWindows as { from: string; to: string }[],
        })),
        mustCorrectTypes: b.mustCorrectTypes,
        notes: b.notes,
      };
    }),
    grids: grids.map((g) => ({
      id: g.id,
      name: g.name,
      geometry: g.geometry as unknown as FieldBootstrap["grids"][number]["geometry"],
      bbox: g.bbox as [number, number, number, number],
    })),
    minDwellS: settings?.minDwellS ?? 120,
  };
}
