/**
 * Seed step "duty": squad outlines, grids, road segments and must-reach points (demo
 * geometry, prisma/seed/duty-geometry.ts), rosterable people for every Zhenyuan squad and
 * Yunyang's street squad, a roster for last week and this week, synthetic tracks for the
 * beats already worked, and — only when the brigade has no records of the last 30 days —
 * a small set of demo violations/accidents so the risk colours have something to show.
 * Idempotent: upserts by name; rosters and records are only added where none exist.
 */
import { hashPassword } from "@/lib/auth/password";
import { bboxOf } from "@/lib/geo/geometry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lineLengthM } from "@/lib/geo/plane";
import type { SeedContext } from "./context";
import { seedDutyRecords } from "./duty-records";
import { seedDutyRoster } from "./duty-roster";
import {
  YY_AREA,
  YY_GRIDS,
  YY_POINTS,
  YY_SEGMENTS,
  ZY_GRIDS,
  ZY_POINTS,
  ZY_SEGMENTS,
  ZY_SQUADS,
  ZY_TOWN,
  type DemoGrid,
  type DemoPoint,
  type DemoSegment,
  type Ring,
} from "./duty-geometry";
import { staffList } from "./duty-staff";
import { DEMO_PASSWORD } from "./users";

const json = (v: unknown) => v as Prisma.InputJsonValue;
const polygon = (rings: Ring[]) => ({ type: "Polygon" as const, coordinates: rings });

async function seedOutlines({ db }: SeedContext) {
  const outlines: Record<string, Ring[]> = { "522625-01": [ZY_TOWN], "500235-01": [YY_AREA] };
  for (const [code, s] of Object.entries(ZY_SQUADS)) outlines[code] = s.hole ? [s.ring, s.hole] : [s.ring];
  for (const [code, rings] of Object.entries(outlines)) {
    const g = polygon(rings);
    await db.unit.update({ where: { code }, data: { outline: json(g), bbox: bboxOf(g) } });
  }
}

async function seedStaff({ db }: SeedContext) {
  const units = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const existing = new Set(
    (
      await db.user.findMany({
        where: { username: { in: staffList().map((s) => s.username) } },
        select: { username: true },
      })
    ).map((u) => u.username),
  );
  let hash: string | null = null;
  for (const s of staffList()) {
    const data = {
      displayName: s.displayName,
      role: s.role,
      unitId: units.get(s.unit)!,
      badgeNumber: s.badge,
      phone: s.phone,
      active: true,
    };
    if (existing.has(s.username)) await db.user.update({ where: { username: s.username }, data });
    else {
      hash ??= await hashPassword(DEMO_PASSWORD);
      await db.user.create({ data: { username: s.username, passwordHash: hash, ...data } });
    }
  }
}

async function seedGrids({ db }: SeedContext, grids: DemoGrid[], segments: DemoSegment[], points: DemoPoint[]) {
  const units = new Map(
    (
      await db.unit.findMany({
        where: { kind: { in: ["SQUAD", "BRIGADE"] } },
        select: { id: true, code: true, path: true },
      })
    ).map((u) => [u.code, u]),
  );
  const ids = new Map<string, { id: string; unitId: string; unitPath: string; brigadeId: string }>();
  for (const g of grids) {
    const unit = units.get(g.squad)!;
    const brigade = units.get(g.squad.split("-")[0])!;
    const geometry = polygon(g.rings);
    const data = {
      kind: g.kind,
      geometry: json(geometry),
      bbox: bboxOf(geometry),
      drivers: g.drivers,
      roadKm: g.roadKm,
      difficulty: g.difficulty,
      availablePolice: g.availablePolice,
      demo: true,
      notes: "演示数据：几何为近似 / Demo data: approximate geometry",
    };
    const prior = await db.grid.findFirst({
      where: { unitId: unit.id, name: g.name, archivedAt: null },
      select: { id: true },
    });
    const row = prior
      ? await db.grid.update({ where: { id: prior.id }, data })
      : await db.grid.create({
          data: { ...data, name: g.name, unitId: unit.id, unitPath: unit.path, brigadeId: brigade.id },
        });
    ids.set(g.name, { id: row.id, unitId: unit.id, unitPath: unit.path, brigadeId: brigade.id });
  }
  const chiefs = new Map(
    (
      await db.user.findMany({
        where: { username: { in: segments.map((s) => s.chief).filter((x): x is string => !!x) } },
        select: { id: true, username: true },
      })
    ).map((u) => [u.username, u.id]),
  );
  for (const s of segments) {
    const grid = ids.get(s.grid)!;
    const geometry = { type: "LineString" as const, coordinates: s.line };
    const data = {
      geometry: json(geometry),
      bbox: bboxOf(geometry),
      lengthM: Math.round(lineLengthM(s.line)),
      roadChiefUserId: s.chief ? (chiefs.get(s.chief) ?? null) : null,
    };
    const prior = await db.roadSegment.findFirst({ where: { gridId: grid.id, name: s.name }, select: { id: true } });
    if (prior) await db.roadSegment.update({ where: { id: prior.id }, data });
    else
      await db.roadSegment.create({
        data: {
          ...data,
          name: s.name,
          gridId: grid.id,
          unitId: grid.unitId,
          unitPath: grid.unitPath,
          brigadeId: grid.brigadeId,
        },
      });
  }
  for (const p of points) {
    const grid = ids.get(p.grid)!;
    const data = { lat: p.at[1], lng: p.at[0], radiusM: p.radiusM, timeWindows: json(p.windows ?? []) };
    const prior = await db.mustReachPoint.findFirst({
      where: { gridId: grid.id, name: p.name, archivedAt: null },
      select: { id: true },
    });
    if (prior) await db.mustReachPoint.update({ where: { id: prior.id }, data });
    else
      await db.mustReachPoint.create({
        data: {
          ...data,
          name: p.name,
          gridId: grid.id,
          unitId: grid.unitId,
          unitPath: grid.unitPath,
          brigadeId: grid.brigadeId,
        },
      });
  }
}

export async function seedDuty(ctx: SeedContext) {
  const e2e = ctx.args.includes("--profile=e2e");
  let t = Date.now();
  const lap = (what: string) => {
    if (process.env.SEED_TIMING) ctx.log(`    ${what}: ${Date.now() - t} ms`);
    t = Date.now();
  };
  await seedOutlines(ctx);
  await seedStaff(ctx);
  lap("outlines and people");
  await seedGrids(ctx, [...ZY_GRIDS, ...YY_GRIDS], [...ZY_SEGMENTS, ...YY_SEGMENTS], [...ZY_POINTS, ...YY_POINTS]);
  lap("grids");
  const records = await seedDutyRecords(ctx);
  lap("records");
  const roster = await seedDutyRoster(ctx, { tracks: !e2e });
  lap("roster and tracks");
  ctx.log(
    `duty: ${ZY_GRIDS.length + YY_GRIDS.length} demo grids, ${staffList().length} people, ${roster.beats} beats, ${roster.fixes} track fixes, ${records} demo records`,
  );
}
