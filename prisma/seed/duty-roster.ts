/**
 * Demo roster for last week and this week (only for squad-weeks that have no beats yet),
 * built so nobody is double-booked and everyone gets 8 hours' rest; plus synthetic
 * tracks (a fix a minute) for the lead officers of the beats already worked, visiting
 * their must-reach points (now and then skipping the last one), so plan-vs-actual and
 * the map have data before `npm run simulate` runs.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, localDate, localDayStart, localParts } from "@/lib/time";
import { distanceM } from "@/lib/geo/geometry";
import type { Area } from "@/lib/geo/geometry";
import { shiftRange, weekStartOf } from "@/lib/duty/week";
import type { SeedContext } from "./context";
import { DUTY_STAFF } from "./duty-staff";
import { mulberry32, randomPointIn } from "./duty-records";

interface PlannedBeat {
  gridName: string;
  day: string;
  from: string;
  to: string;
  shiftKind: string;
  lead: string | null;
  aux: string[];
  points: "all" | "none";
  types: string[];
}

const URBAN = ["城西·火车站网格", "古城·兴隆街网格", "东关网格", "北大街网格", "新中街·县府网格", "卫城·新区网格"];

function urbanDay(
  day: string,
  prefix: string,
  grids: string[],
  o: (i: number) => string,
  a: (i: number) => string,
): PlannedBeat[] {
  const wd = localParts(localDayStart(day)).weekday; // 0 Sunday
  const out: PlannedBeat[] = [];
  const types = ["illegal_parking", "no_helmet"];
  const peakGrids = prefix === "zy01" ? [0, 1, 2, 4] : [0, 1, 2, 3, 4];
  peakGrids.forEach((g, k) =>
    out.push({
      gridName: grids[g],
      day,
      from: "07:00",
      to: "09:00",
      shiftKind: "morning_peak",
      lead: o(k),
      aux: [a(2 * k), a(2 * k + 1)],
      points: "all",
      types,
    }),
  );
  const evening = prefix === "zy01" ? [0, 1, 2, 3] : [0, 1, 2, 3, 4];
  evening.forEach((g, k) =>
    out.push({
      gridName: grids[g],
      day,
      from: "17:00",
      to: "19:00",
      shiftKind: "evening_peak",
      lead: o(k),
      aux: [a(2 * k), a(2 * k + 1)],
      points: "all",
      types,
    }),
  );
  if (prefix === "zy01" && wd >= 1 && wd <= 5) {
    // 护学岗 at the school gate: first and last post of the day, 8 h 20 min apart.
    out.push({
      gridName: grids[4],
      day,
      from: "07:20",
      to: "08:20",
      shiftKind: "school_guard",
      lead: o(4),
      aux: [a(8), a(9)],
      points: "all",
      types: [],
    });
    out.push({
      gridName: grids[4],
      day,
      from: "16:40",
      to: "17:40",
      shiftKind: "school_guard",
      lead: o(4),
      aux: [a(8), a(9)],
      points: "all",
      types: [],
    });
  }
  if (prefix === "zy01" && (wd === 5 || wd === 6)) {
    out.push({
      gridName: grids[1],
      day,
      from: "20:00",
      to: "02:00",
      shiftKind: "night_check",
      lead: o(5),
      aux: [a(10), a(11)],
      points: "none",
      types: ["drink_driving", "drunk_driving"],
    });
  }
  return out;
}

function ruralDay(
  day: string,
  squadIndex: number,
  grids: string[],
  o: (i: number) => string,
  a: (i: number) => string,
): PlannedBeat[] {
  const dom = Number(day.slice(8, 10));
  const market = dom % 5 === squadIndex % 5; // 逢场: every fifth day by the township calendar
  return grids.map((g, k) => {
    if (g === "羊坪网格") {
      return {
        gridName: g,
        day,
        from: "08:00",
        to: "18:00",
        shiftKind: "custom",
        lead: o(k),
        aux: [a(2 * k), a(2 * k + 1)],
        points: "all",
        types: ["drink_driving", "drunk_driving", "unlicensed_driving"],
      };
    }
    return market && k === 0
      ? {
          gridName: g,
          day,
          from: "08:00",
          to: "14:00",
          shiftKind: "market_day",
          lead: o(k),
          aux: [a(2 * k), a(2 * k + 1)],
          points: "all",
          types: ["no_helmet"],
        }
      : {
          gridName: g,
          day,
          from: "09:00",
          to: "17:00",
          shiftKind: "custom",
          lead: o(k),
          aux: [a(2 * k), a(2 * k + 1)],
          points: "all",
          types: ["no_helmet", "illegal_parking"],
        };
  });
}

/** A beat already (partly) worked by its lead, up to now: what its synthetic track is drawn from. */
interface WorkedBeat {
  id: string;
  lead: string;
  start: number;
  end: number;
  grid: Area;
  bbox: number[];
  points: { lat: number; lng: number }[];
  rural: boolean;
  brigadeId: string;
}

export async function seedDutyRoster({ db, now }: SeedContext, opts: { tracks: boolean }) {
  const users = new Map(
    (
      await db.user.findMany({
        where: { OR: DUTY_STAFF.map((s) => ({ username: { startsWith: `${s.prefix}-` } })) },
        select: { id: true, username: true },
      })
    ).map((u) => [u.username, u.id]),
  );
  const thisWeek = weekStartOf(localDate(now));
  const weeks = [addDays(thisWeek, -7), thisWeek];
  let beats = 0;
  const newBeats: Prisma.BeatCreateManyInput[] = [];
  const newMembers: Prisma.BeatMemberCreateManyInput[] = [];
  const newPoints: Prisma.BeatPointCreateManyInput[] = [];
  const worked: WorkedBeat[] = [];

  for (const [si, staff] of DUTY_STAFF.entries()) {
    const unit = await db.unit.findUniqueOrThrow({ where: { code: staff.unit }, select: { id: true, path: true } });
    const grids = await db.grid.findMany({
      where: { unitId: unit.id, archivedAt: null },
      include: { points: { where: { archivedAt: null } } },
      orderBy: { createdAt: "asc" },
    });
    const byName = new Map(grids.map((g) => [g.name, g]));
    const names = staff.unit === "522625-01" ? URBAN : grids.map((g) => g.name);
    const o = (i: number) => `${staff.prefix}-officer${(i % staff.officers) + 1}`;
    const a = (i: number) => `${staff.prefix}-aux${(i % staff.auxiliaries) + 1}`;
    for (const week of weeks) {
      const from = localDayStart(week);
      const exists = await db.beat.count({
        where: {
          unitPath: { startsWith: unit.path },
          startsAt: { gte: from, lt: new Date(from.getTime() + 7 * 86_400_000) },
        },
      });
      if (exists) continue;
      for (let d = 0; d < 7; d++) {
        const day = addDays(week, d);
        const plan = staff.unit.endsWith("-01")
          ? urbanDay(day, staff.prefix, names, o, a)
          : ruralDay(day, si, names, o, a);
        for (const p of plan) {
          const grid = byName.get(p.gridName);
          if (!grid) continue;
          const { startsAt, endsAt } = shiftRange(p.day, p.from, p.to);
          const lead = p.lead ? users.get(p.lead)! : null;
          // Ids made here so beats, members and points go in as three bulk inserts.
          const id = randomUUID();
          newBeats.push({
            id,
            gridId: grid.id,
            unitId: grid.unitId,
            unitPath: grid.unitPath,
            brigadeId: grid.brigadeId,
            startsAt,
            endsAt,
            shiftKind: p.shiftKind,
            mustCorrectTypes: p.types,
            notes: "演示排班 / demo roster",
          });
          if (lead) newMembers.push({ beatId: id, userId: lead, role: "lead", startsAt, endsAt });
          for (const u of p.aux)
            newMembers.push({ beatId: id, userId: users.get(u)!, role: "auxiliary", startsAt, endsAt });
          if (p.points === "all") for (const pt of grid.points) newPoints.push({ beatId: id, pointId: pt.id });
          const beat = { id };
          beats++;
          if (lead && startsAt < now) {
            worked.push({
              id: beat.id,
              lead,
              start: +startsAt,
              end: Math.min(+endsAt, +now),
              grid: grid.geometry as unknown as Area,
              bbox: grid.bbox,
              points: p.points === "all" ? grid.points : [],
              rural: grid.kind === "rural",
              brigadeId: grid.brigadeId,
            });
          }
        }
      }
    }
  }
  for (let i = 0; i < newBeats.length; i += 2000) await db.beat.createMany({ data: newBeats.slice(i, i + 2000) });
  for (let i = 0; i < newMembers.length; i += 5000)
    await db.beatMember.createMany({ data: newMembers.slice(i, i + 5000) });
  for (let i = 0; i < newPoints.length; i += 5000)
    await db.beatPoint.createMany({ data: newPoints.slice(i, i + 5000) });
  const fixes = opts.tracks ? await seedTracks(db, worked, now) : 0;
  return { beats, fixes };
}

type Db = SeedContext["db"];

async function seedTracks(db: Db, worked: WorkedBeat[], now: Date) {
  if (!worked.length) return 0;
  const first = localDate(new Date(Math.min(...worked.map((w) => w.start))));
  await db.$queryRaw`SELECT ensure_position_partitions(${first}::date - 1, 16)`;
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(worked.map((w) => w.lead))] } },
        select: { id: true, unit: { select: { id: true, path: true } } },
      })
    ).map((u) => [u.id, u.unit]),
  );
  const rows: {
    userId: string;
    unitId: string;
    unitPath: string;
    brigadeId: string;
    occurredAt: Date;
    lat: number;
    lng: number;
    accuracyM: number;
    status: string;
  }[] = [];
  const last = new Map<string, { row: (typeof rows)[number]; ended: boolean }>();
  for (const w of worked) {
    const rnd = mulberry32(parseInt(w.id.slice(-8), 16));
    const unit = people.get(w.lead)!;
    const brigadeId = w.brigadeId;
    // Visit the points (sometimes skipping the last), then wander inside the grid.
    const stops = w.points.length && rnd() < 0.2 ? w.points.slice(0, -1) : [...w.points];
    let pos = randomPointIn(w.grid, w.bbox, rnd);
    let target: { lat: number; lng: number } | null = stops.shift() ?? null;
    let wander: { lat: number; lng: number } | null = null;
    let dwell = 0;
    const speed = w.rural ? 420 : 70; // metres per minute
    for (let t = w.start; t <= w.end; t += 60_000) {
      const [lng, lat] = pos;
      const row = {
        userId: w.lead,
        unitId: unit.id,
        unitPath: unit.path,
        brigadeId,
        occurredAt: new Date(t),
        lat,
        lng,
        accuracyM: 5 + Math.round(rnd() * 15),
        status: rnd() < 0.05 ? "handling_incident" : "on_patrol",
      };
      rows.push(row);
      if (!last.has(w.lead) || +last.get(w.lead)!.row.occurredAt < t)
        last.set(w.lead, { row, ended: w.end < +now - 60_000 });
      if (!target && !wander) {
        const [x, y] = randomPointIn(w.grid, w.bbox, rnd);
        wander = { lng: x, lat: y };
      }
      const goal = (target ?? wander)!;
      const d = distanceM({ lat, lng }, goal);
      if (d < 30) {
        if (target) {
          // Stay 4 minutes at a must-reach point, then go on to the next.
          if (++dwell >= 4) {
            target = stops.shift() ?? null;
            dwell = 0;
          }
        } else wander = null;
        continue;
      }
      const step = Math.min(1, speed / d);
      pos = [lng + (goal.lng - lng) * step, lat + (goal.lat - lat) * step];
    }
  }
  // unnest() arrays: one statement per 10,000 fixes (Prisma's createMany is far slower here).
  for (let i = 0; i < rows.length; i += 10_000) {
    const b = rows.slice(i, i + 10_000);
    await db.$executeRaw`
      INSERT INTO positions (user_id, unit_id, unit_path, brigade_id, occurred_at, lat, lng, accuracy_m, status)
      SELECT * FROM unnest(${b.map((r) => r.userId)}::uuid[], ${b.map((r) => r.unitId)}::uuid[], ${b.map((r) => r.unitPath)}::text[],
                           ${b.map((r) => r.brigadeId)}::uuid[], ${b.map((r) => r.occurredAt)}::timestamptz[], ${b.map((r) => r.lat)}::float8[],
                           ${b.map((r) => r.lng)}::float8[], ${b.map((r) => r.accuracyM)}::float8[], ${b.map((r) => r.status)}::text[])`;
  }
  for (const { row, ended } of last.values()) {
    const { userId, ...rest } = row;
    const data = { ...rest, status: ended ? "off_duty" : rest.status };
    await db.lastPosition.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  }
  return rows.length;
}
