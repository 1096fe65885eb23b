import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { localDayStart } from "@/lib/time";
import { createBeat } from "./create-beat";
import type { CopyWeekInput } from "./schemas";
import { dutyUnitByCode } from "./scope";
import { weekStartOf } from "./week";

const WEEK = 7 * 86_400_000;

export interface CopyOutcome {
  sourceBeatId: string;
  gridName: string;
  startsAt: string;
  endsAt: string;
  /** created | duplicate (already in the target week) | conflict | skipped */
  result: "created" | "duplicate" | "conflict" | "skipped";
  beatId?: string;
  /** i18n key and its placeholders, for conflicts and skips */
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * Copies a squad's beats of the previous week into the given week, one beat per
 * transaction: each beat that would double-book someone (or whose people, grid or
 * points are no longer valid) is listed with the reason, never silently dropped. Beats
 * already copied (same grid, times and shift) are reported as duplicates, so running it
 * twice creates nothing the second time.
 */
export async function copyWeek({ actor, input }: { actor: Actor; input: CopyWeekInput }) {
  assertCan(actor, "beat.manage");
  const unit = await dutyUnitByCode({ actor, code: input.unitCode, squadOnly: true });
  const target = weekStartOf(input.week);
  const to = localDayStart(target);
  const from = new Date(to.getTime() - WEEK);
  const source = await db.beat.findMany({
    where: { unitPath: underPath(unit.path), cancelledAt: null, startsAt: { gte: from, lt: to } },
    include: { members: true, points: true, grid: { select: { name: true } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const existing = await db.beat.findMany({
    where: {
      unitPath: underPath(unit.path),
      cancelledAt: null,
      startsAt: { gte: to, lt: new Date(to.getTime() + WEEK) },
    },
    select: { id: true, gridId: true, startsAt: true, endsAt: true, shiftKind: true },
  });
  const outcomes: CopyOutcome[] = [];
  for (const b of source) {
    const startsAt = new Date(b.startsAt.getTime() + WEEK);
    const endsAt = new Date(b.endsAt.getTime() + WEEK);
    const base = {
      sourceBeatId: b.id,
      gridName: b.grid.name,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    };
    const dup = existing.find(
      (e) => e.gridId === b.gridId && +e.startsAt === +startsAt && +e.endsAt === +endsAt && e.shiftKind === b.shiftKind,
    );
    if (dup) {
      outcomes.push({ ...base, result: "duplicate", beatId: dup.id });
      continue;
    }
    try {
      const { beat } = await createBeat({
        actor,
        copiedFrom: b.id,
        input: {
          gridId: b.gridId,
          startsAt,
          endsAt,
          shiftKind: b.shiftKind as never,
          leadUserId: b.members.find((m) => m.role === "lead")?.userId ?? null,
          auxiliaryUserIds: b.members.filter((m) => m.role === "auxiliary").map((m) => m.userId),
          mustReachPointIds: b.points.map((p) => p.pointId),
          mustCorrectTypes: b.mustCorrectTypes,
          notes: b.notes,
        },
      });
      outcomes.push({ ...base, result: "created", beatId: beat.id });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      outcomes.push({
        ...base,
        result: e.code === "CONFLICT" ? "conflict" : "skipped",
        message: e.message,
        details: e.details ?? Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message])),
      });
    }
  }
  const summary = {
    week: target,
    created: outcomes.filter((o) => o.result === "created").length,
    duplicates: outcomes.filter((o) => o.result === "duplicate").length,
    conflicts: outcomes.filter((o) => o.result === "conflict").length,
    skipped: outcomes.filter((o) => o.result === "skipped").length,
  };
  await db.$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "beat.copy_week",
      entity: "unit",
      entityId: unit.id,
      after: summary,
      unitId: unit.id,
      unitPath: unit.path,
    }),
  );
  return { ...summary, outcomes };
}
