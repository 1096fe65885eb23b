import "server-only";
/**
 * Everything the roster board (勤务排班) shows for one squad and week: the squad's grids
 * with risk and suggested vs rostered staffing, the week's beats, warnings (short rest,
 * no lead, red grids with uncovered peaks), and the people and points to pick from.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor, underPath } from "@/lib/auth/actor";
import { localDayStart } from "@/lib/time";
import { beatInclude, toBeatDtos } from "./beat-dto";
import { peakGaps, restIssues, type BeatSpan } from "./coverage";
import { gridFeatures, listGrids } from "./list-grids";
import { listPersonnel } from "./list-personnel";
import { dutyUnitByCode } from "./scope";
import { getDutySettings } from "./settings";
import { weekDays, weekStartOf } from "./week";

const DAY = 86_400_000;

export async function getRosterBoard({ actor, input }: { actor: Actor; input: { unitCode: string; week: string } }) {
  assertCan(actor, "beat.view");
  const unit = await dutyUnitByCode({ actor, code: input.unitCode, squadOnly: true });
  const weekStart = weekStartOf(input.week);
  const days = weekDays(weekStart);
  const from = localDayStart(weekStart);
  const to = new Date(from.getTime() + 7 * DAY);

  const [{ items: grids }, rows, settings, people, types] = await Promise.all([
    listGrids({ actor, input: { unit: unit.code } }),
    db.beat.findMany({
      where: { unitPath: underPath(unit.path), cancelledAt: null, startsAt: { lt: to }, endsAt: { gt: from } },
      include: beatInclude,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
    getDutySettings(unit.brigade.id),
    listPersonnel({ actor, input: { unit: unit.brigade.code } }).catch(() => []),
    db.violationType.findMany({
      where: { active: true },
      select: { key: true, nameZh: true, nameEn: true, serious: true },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    }),
  ]);
  const beats = await toBeatDtos({ actor, rows });
  const { points } = await gridFeatures(grids.map((g) => g.id));

  // Rest is checked against every beat of these people (also other squads'), a day either side.
  const userIds = [...new Set(rows.flatMap((r) => r.members.map((m) => m.userId)))];
  const around = await db.beatMember.findMany({
    where: {
      userId: { in: userIds },
      cancelled: false,
      startsAt: { lt: new Date(to.getTime() + DAY) },
      endsAt: { gt: new Date(from.getTime() - DAY) },
    },
    select: { beatId: true, userId: true, startsAt: true, endsAt: true, beat: { select: { gridId: true } } },
  });
  const spans = new Map<string, BeatSpan>();
  for (const m of around) {
    const s = spans.get(m.beatId) ?? {
      id: m.beatId,
      gridId: m.beat.gridId,
      start: +m.startsAt,
      end: +m.endsAt,
      userIds: [],
    };
    s.userIds.push(m.userId);
    spans.set(m.beatId, s);
  }
  const rest = restIssues([...spans.values()]);
  const gaps = peakGaps(
    grids.filter((g) => g.risk.colour === "red").map((g) => g.id),
    days,
    settings.peakWindows,
    rows.map((r) => ({ gridId: r.gridId, start: +r.startsAt, end: +r.endsAt })),
  );

  const rostered = new Map<string, { police: Set<string>; auxiliaries: Set<string> }>();
  for (const r of rows) {
    const e = rostered.get(r.gridId) ?? { police: new Set(), auxiliaries: new Set() };
    for (const m of r.members) (m.role === "lead" ? e.police : e.auxiliaries).add(m.userId);
    rostered.set(r.gridId, e);
  }
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, brigadeCode: unit.brigade.code },
    weekStart,
    days,
    settings,
    grids: grids.map((g) => ({
      ...g,
      rostered: {
        police: rostered.get(g.id)?.police.size ?? 0,
        auxiliaries: rostered.get(g.id)?.auxiliaries.size ?? 0,
      },
    })),
    beats: beats.map((b) => ({
      ...b,
      warnings: [
        ...(!b.lead && b.auxiliaries.length ? [{ code: "noLead", message: "duty.warn.noLead", details: {} }] : []),
        ...(rest.get(b.id) ?? []).map((i) => ({
          code: "shortRest",
          message: "duty.warn.shortRest",
          details: { person: names.get(i.userId) ?? "", hours: i.restH },
        })),
      ],
    })),
    gaps,
    people,
    points,
    violationTypes: types,
  };
}

export type RosterBoard = Awaited<ReturnType<typeof getRosterBoard>>;
