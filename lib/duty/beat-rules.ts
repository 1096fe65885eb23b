import "server-only";
/**
 * What a beat must satisfy besides the zod shape: its people, points and violation types
 * exist and fit the grid; the database's no-double-booking rule, turned into a 409 that
 * names the person and the other beat; and the warnings (rest, no lead, red grid gaps).
 */
import { db } from "@/lib/db";
import { inScope, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { gridRisks } from "./grid-risk";
import { peakGaps, restIssues, type PeakGap, type RestIssue } from "./coverage";
import { DEADLOCK, EXCLUSION_VIOLATION, pgErrorCode } from "./pg-error";
import { getDutySettings } from "./settings";
import { localDate, localDayStart, localHhmm } from "@/lib/time";

const invalid = (path: string, key: string, details?: Record<string, unknown>) =>
  new AppError("INVALID", key, { fields: [{ path, message: key }], details });

export interface BeatGrid {
  id: string;
  unitId: string;
  unitPath: string;
  brigadeId: string;
  name: string;
  archivedAt: Date | null;
}

/**
 * The lead must be an active road police officer (OFFICER) and auxiliaries active
 * auxiliaries, all of the grid's brigade; points must be the grid's; types must exist.
 */
export async function assertBeatParts(
  grid: BeatGrid,
  parts: {
    leadUserId?: string | null;
    auxiliaryUserIds?: string[];
    mustReachPointIds?: string[];
    mustCorrectTypes?: string[];
  },
) {
  const brigade = await db.unit.findUniqueOrThrow({ where: { id: grid.brigadeId }, select: { path: true } });
  const ids = [...(parts.leadUserId ? [parts.leadUserId] : []), ...(parts.auxiliaryUserIds ?? [])];
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, role: true, active: true, displayName: true, unit: { select: { path: true } } },
      })
    ).map((u) => [u.id, u]),
  );
  const check = (id: string, role: "OFFICER" | "AUXILIARY", path: string) => {
    const u = users.get(id);
    if (!u || !u.unit.path.startsWith(brigade.path)) throw invalid(path, "duty.validation.personNotFound");
    if (!u.active) throw invalid(path, "duty.validation.personDisabled", { person: u.displayName });
    if (u.role !== role)
      throw invalid(
        path,
        role === "OFFICER" ? "duty.validation.leadMustBeOfficer" : "duty.validation.auxMustBeAuxiliary",
        { person: u.displayName },
      );
  };
  if (parts.leadUserId) check(parts.leadUserId, "OFFICER", "leadUserId");
  (parts.auxiliaryUserIds ?? []).forEach((id, i) => check(id, "AUXILIARY", `auxiliaryUserIds.${i}`));

  if (parts.mustReachPointIds?.length) {
    const pts = await db.mustReachPoint.findMany({
      where: { id: { in: parts.mustReachPointIds }, gridId: grid.id, archivedAt: null },
      select: { id: true },
    });
    const found = new Set(pts.map((p) => p.id));
    const i = parts.mustReachPointIds.findIndex((id) => !found.has(id));
    if (i >= 0) throw invalid(`mustReachPointIds.${i}`, "duty.validation.pointNotInGrid");
  }
  if (parts.mustCorrectTypes?.length) {
    const types = await db.violationType.findMany({
      where: { key: { in: parts.mustCorrectTypes }, active: true },
      select: { key: true },
    });
    const found = new Set(types.map((t) => t.key));
    const i = parts.mustCorrectTypes.findIndex((k) => !found.has(k));
    if (i >= 0) throw invalid(`mustCorrectTypes.${i}`, "duty.validation.unknownViolationType");
  }
}

const fmt = (d: Date) => `${localDate(d)} ${localHhmm(d)}`;

export interface Overlap {
  userId: string;
  person: string;
  beatId: string;
  gridName: string | null;
  startsAt: string;
  endsAt: string;
}

/** Non-cancelled beats of these people overlapping [start, end), other than `exceptBeatId`. */
export async function findOverlaps({
  actor,
  userIds,
  start,
  end,
  exceptBeatId,
}: {
  actor: Actor;
  userIds: string[];
  start: Date;
  end: Date;
  exceptBeatId: string | null;
}): Promise<Overlap[]> {
  if (!userIds.length) return [];
  const rows = await db.$queryRaw<
    {
      user_id: string;
      display_name: string;
      beat_id: string;
      starts_at: Date;
      ends_at: Date;
      grid_name: string;
      unit_path: string;
    }[]
  >`
    SELECT m.user_id, u.display_name, b.id AS beat_id, b.starts_at, b.ends_at, g.name AS grid_name, b.unit_path
      FROM beat_members m
      JOIN beats b ON b.id = m.beat_id
      JOIN grids g ON g.id = b.grid_id
      JOIN users u ON u.id = m.user_id
     WHERE m.user_id = ANY(${userIds}::uuid[]) AND NOT m.cancelled
       AND m.starts_at < ${end} AND m.ends_at > ${start}
       AND m.beat_id IS DISTINCT FROM ${exceptBeatId}::uuid
     ORDER BY m.starts_at
     LIMIT 20`;
  // A beat outside the actor's scope is named only as "another unit's beat".
  return rows.map((r) => ({
    userId: r.user_id,
    person: r.display_name,
    beatId: r.beat_id,
    gridName: inScope(actor, r.unit_path) ? r.grid_name : null,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
  }));
}

export function conflictError(o: Overlap, all: Overlap[]): AppError {
  const key = o.gridName ? "duty.conflict" : "duty.conflictOtherUnit";
  return new AppError("CONFLICT", key, {
    details: {
      person: o.person,
      grid: o.gridName ?? "",
      start: fmt(new Date(o.startsAt)),
      end: fmt(new Date(o.endsAt)),
      userId: o.userId,
      otherBeatId: o.gridName ? o.beatId : undefined,
      conflicts: all,
    },
  });
}

/**
 * Runs a write that may break the no-double-booking constraint. SQLSTATE 23P01 becomes a
 * 409 naming the first person and the beat they are already on (looked up after the
 * failed transaction: the constraint only fires against committed beats).
 */
export async function withOverlapCheck<T>({
  actor,
  who,
  write,
}: {
  actor: Actor;
  who: { userIds: string[]; start: Date; end: Date; exceptBeatId: string | null };
  write: () => Promise<T>;
}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      const code = pgErrorCode(e);
      // Two transactions inserting conflicting rows at the same moment can each wait for
      // the other (an exclusion constraint checks after inserting): PostgreSQL aborts one
      // with a deadlock. The whole transaction rolled back, so run it again; it then sees
      // the other's committed beat and fails with the clear conflict below.
      if (code === DEADLOCK && attempt < 4) continue;
      if (code !== EXCLUSION_VIOLATION) throw e;
      const overlaps = await findOverlaps({
        actor,
        userIds: who.userIds,
        start: who.start,
        end: who.end,
        exceptBeatId: who.exceptBeatId,
      });
      if (overlaps.length) throw conflictError(overlaps[0], overlaps);
      throw new AppError("CONFLICT", "duty.conflictUnknown");
    }
  }
}

export interface BeatWarning {
  code: "shortRest" | "noLead" | "redUncovered";
  /** i18n key */
  message: string;
  details: Record<string, string | number>;
}

/** Warnings for one beat just written: rest before/after, no lead, red-grid peak gaps that day. */
export async function beatWarnings(beat: {
  id: string;
  gridId: string;
  brigadeId: string;
  startsAt: Date;
  endsAt: Date;
  leadUserId: string | null;
  userIds: string[];
}): Promise<BeatWarning[]> {
  const out: BeatWarning[] = [];
  if (!beat.leadUserId && beat.userIds.length) out.push({ code: "noLead", message: "duty.warn.noLead", details: {} });
  const day = 86_400_000;
  const around = await db.beatMember.findMany({
    where: {
      userId: { in: beat.userIds },
      cancelled: false,
      startsAt: { lt: new Date(beat.endsAt.getTime() + day) },
      endsAt: { gt: new Date(beat.startsAt.getTime() - day) },
    },
    select: { beatId: true, userId: true, startsAt: true, endsAt: true, beat: { select: { gridId: true } } },
  });
  const spans = new Map<string, { id: string; gridId: string; start: number; end: number; userIds: string[] }>();
  for (const m of around) {
    const s = spans.get(m.beatId) ?? {
      id: m.beatId,
      gridId: m.beat.gridId,
      start: m.startsAt.getTime(),
      end: m.endsAt.getTime(),
      userIds: [],
    };
    s.userIds.push(m.userId);
    spans.set(m.beatId, s);
  }
  const issues: RestIssue[] = restIssues([...spans.values()]).get(beat.id) ?? [];
  if (issues.length) {
    const names = new Map(
      (
        await db.user.findMany({
          where: { id: { in: issues.map((i) => i.userId) } },
          select: { id: true, displayName: true },
        })
      ).map((u) => [u.id, u.displayName]),
    );
    for (const i of issues)
      out.push({
        code: "shortRest",
        message: "duty.warn.shortRest",
        details: { person: names.get(i.userId) ?? "", hours: i.restH, otherBeatId: i.otherBeatId },
      });
  }
  out.push(...(await redGapWarnings(beat.gridId, beat.brigadeId, [localDate(beat.startsAt)])));
  return out;
}

async function redGapWarnings(gridId: string, brigadeId: string, days: string[]): Promise<BeatWarning[]> {
  const risk = (await gridRisks([{ id: gridId, brigadeId }])).get(gridId);
  if (risk?.colour !== "red") return [];
  const settings = await getDutySettings(brigadeId);
  const from = new Date(localDayStart(days[0]).getTime() - 86_400_000);
  const beats = await db.beat.findMany({
    where: {
      gridId,
      cancelledAt: null,
      endsAt: { gt: from },
      startsAt: { lt: new Date(from.getTime() + 3 * 86_400_000) },
    },
    select: { gridId: true, startsAt: true, endsAt: true },
  });
  const gaps: PeakGap[] = peakGaps(
    [gridId],
    days,
    settings.peakWindows,
    beats.map((b) => ({ gridId: b.gridId, start: b.startsAt.getTime(), end: b.endsAt.getTime() })),
  );
  return gaps.map((g) => ({
    code: "redUncovered",
    message: "duty.warn.redUncovered",
    details: { day: g.day, from: g.from, to: g.to },
  }));
}
