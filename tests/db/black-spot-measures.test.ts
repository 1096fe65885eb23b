/**
 * Black spot → measure → effect: a commander records a measure at a black spot; the effect
 * (accidents, injury accidents, injured, deaths, beat-hours before and after, per 30 days)
 * must equal a direct count over the raw rows. Also: a beat's and a grid's chain views
 * against plain counts, and the permission and unit-scope refusals.
 */
import { cellToLatLng, latLngToCell } from "h3-js";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/actor";
import { createBeat } from "@/lib/duty/create-beat";
import { createGridSchema } from "@/lib/duty/schemas";
import { createGrid } from "@/lib/duty/write-grids";
import { BLACK_SPOT_RESOLUTION } from "@/lib/hazards/black-spots";
import { blackSpotDetail, measureEffect, recordBlackSpotMeasure } from "@/lib/hazards/black-spot-measures";
import { blackSpotMeasureSchema } from "@/lib/hazards/schemas";
import { beatChain, gridTimeline } from "@/lib/records/chain-views";
import { addDays, localDate, localDayStart } from "@/lib/time";
import { actorFor } from "../setup/actors";
import { insertAccidents, makePeople, square } from "../setup/duty-fixtures";
import { codeOf, ensureCatalogue } from "../setup/records";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const today = localDate(new Date());
const startsOn = addDays(today, -40); // 40 days after, 40 before
// A cell in Zhenyuan away from the other tests' points.
const cell = latLngToCell(27.08, 108.47, BLACK_SPOT_RESOLUTION);
const [cLat, cLng] = cellToLatLng(cell);

let commander: SessionUser;
let duty: SessionUser;
let gridId: string;
const beatIds: string[] = [];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  await ensureCatalogue();
  commander = await actorFor("zy-commander");
  duty = await actorFor("zy-duty");
  gridId = (
    await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "黑点测试网格",
        kind: "urban",
        geometry: square(cLng - 0.01, cLat - 0.01, 0.02),
        difficulty: 3,
      }),
    })
  ).grid.id;
  // Accidents over 100 days: in the cell (jittered around its centre), just outside it, and
  // today (outside both windows).
  const next = rng(7);
  const rows = [];
  for (let i = 0; i < 160; i++) {
    const inCell = next() < 0.7;
    const off = inCell ? 0.0008 : 0.006 + next() * 0.003;
    const deaths = next() < 0.05 ? 1 : 0;
    const injured = next() < 0.35 ? 1 + Math.floor(next() * 3) : 0;
    rows.push({
      lat: cLat + (next() - 0.5) * off,
      lng: cLng + (next() < 0.5 ? -1 : 1) * off * (inCell ? next() : 1),
      deaths,
      injured,
      occurredAt: new Date(Date.now() - Math.floor(next() * 100 * DAY)),
    });
  }
  await insertAccidents(rows);
  // Beats in the grid: one a week, 8 h, some crossing a window boundary (they are clipped).
  const [lead] = await makePeople(1, "OFFICER", "522625-01");
  for (let d = 85; d > 0; d -= 7) {
    const day = localDayStart(addDays(today, -d)).getTime();
    const r = await createBeat({
      actor: duty,
      input: {
        gridId,
        startsAt: new Date(day + 20 * HOUR),
        endsAt: new Date(day + 28 * HOUR),
        shiftKind: "custom",
        leadUserId: lead.id,
        auxiliaryUserIds: [],
        mustReachPointIds: [],
        mustCorrectTypes: [],
        notes: null,
      },
    });
    beatIds.push(r.beat.id);
  }
});

/** THE direct count: every Zhenyuan accident in [from, to) whose point lies in the cell. */
async function direct(fromDay: string, toDay: string) {
  const from = localDayStart(fromDay);
  const to = localDayStart(addDays(toDay, 1));
  const rows = await db.$queryRaw<{ lat: number; lng: number; severity: string; injured: number; deaths: number }[]>`
    SELECT lat, lng, severity, injured, deaths FROM accidents
     WHERE unit_path LIKE ${commander.unitPath + "%"} AND occurred_at >= ${from} AND occurred_at < ${to}
       AND lat IS NOT NULL`;
  const inCell = rows.filter((r) => latLngToCell(r.lat, r.lng, BLACK_SPOT_RESOLUTION) === cell);
  const beats = await db.$queryRaw<{ s: Date; e: Date }[]>`
    SELECT starts_at AS s, ends_at AS e FROM beats WHERE grid_id = ${gridId}::uuid AND cancelled_at IS NULL`;
  let ms = 0;
  for (const b of beats)
    ms += Math.max(0, Math.min(b.e.getTime(), to.getTime()) - Math.max(b.s.getTime(), from.getTime()));
  return {
    accidents: inCell.length,
    injuryAccidents: inCell.filter((r) => r.severity !== "property").length,
    injured: inCell.reduce((s, r) => s + r.injured, 0),
    deaths: inCell.reduce((s, r) => s + r.deaths, 0),
    beatHours: Math.round((ms / HOUR) * 100) / 100,
  };
}

describe("black spot → measure → effect", () => {
  it("a commander records a measure (audited); the effect equals a direct count over the raw records", async () => {
    const m = await recordBlackSpotMeasure({
      actor: commander,
      input: blackSpotMeasureSchema.parse({ cell, kind: "extra_beats", description: "晚高峰加派路警", startsOn }),
    });
    expect(m).toMatchObject({ cell, kind: "extra_beats", createdById: commander.userId });
    expect(await db.auditLog.count({ where: { entityId: m.id, action: "blackspot.measure" } })).toBe(1);

    const detail = await blackSpotDetail({ actor: commander, input: { cell, today } });
    expect(detail.canMeasure).toBe(true);
    const shown = detail.measures.find((x) => x.id === m.id)!;
    expect(shown.startsOn).toBe(startsOn);
    const effect = shown.effect!;
    expect(effect.days).toBe(40);
    expect(effect.before).toMatchObject({ from: addDays(startsOn, -40), to: addDays(startsOn, -1) });
    expect(effect.after).toMatchObject({ from: startsOn, to: addDays(today, -1) });
    for (const w of [effect.before, effect.after]) {
      const want = await direct(w.from, w.to);
      const { from: _f, to: _t, per30, ...got } = w;
      expect(got).toEqual(want);
      expect(per30.accidents).toBeCloseTo((want.accidents * 30) / 40, 2);
      expect(per30.beatHours).toBeCloseTo((want.beatHours * 30) / 40, 1);
    }
    // The figures are not trivially zero: the fixture puts accidents and beats on both sides.
    expect(effect.before.accidents).toBeGreaterThan(5);
    expect(effect.after.accidents).toBeGreaterThan(5);
    expect(effect.before.beatHours).toBeGreaterThan(0);
    expect(effect.after.beatHours).toBeGreaterThan(0);
    // The last 12 months on the page are the same direct count.
    expect(detail.recent.accidents).toBe((await direct(addDays(today, -365), today)).accidents);
  });

  it("a measure starting today or later has no effect yet; a window never exceeds a year", async () => {
    expect(await measureEffect({ actor: commander, input: { cell, startsOn: today, today } })).toBeNull();
    const long = await measureEffect({ actor: commander, input: { cell, startsOn: addDays(today, -900), today } });
    expect(long!.days).toBe(365);
  });

  it("bad input is refused with nothing written; roles without the permission and foreign units are refused", async () => {
    const before = await db.blackSpotMeasure.count();
    expect(blackSpotMeasureSchema.safeParse({ cell: "zz", kind: "x", description: "", startsOn: "x" }).success).toBe(
      false,
    );
    // A cell of another resolution.
    const coarse = latLngToCell(cLat, cLng, 7);
    expect(
      await codeOf(
        recordBlackSpotMeasure({
          actor: commander,
          input: blackSpotMeasureSchema.parse({ cell: coarse, kind: "other", description: "x", startsOn }),
        }),
      ),
    ).toBe("INVALID");
    const input = blackSpotMeasureSchema.parse({ cell, kind: "other", description: "越权", startsOn });
    expect(await codeOf(recordBlackSpotMeasure({ actor: await actorFor("zy-officer"), input }))).toBe("FORBIDDEN");
    expect(await codeOf(recordBlackSpotMeasure({ actor: await actorFor("yj-commander"), input }))).toBe("NOT_FOUND");
    expect(await codeOf(blackSpotDetail({ actor: await actorFor("yj-commander"), input: { cell } }))).toBe("NOT_FOUND");
    expect(await db.blackSpotMeasure.count()).toBe(before);
  });
});

describe("chain views", () => {
  it("a grid's months equal direct counts by stored grid; a foreign grid is 404", async () => {
    // Give the grid's accidents their grid (as the chain would), then compare.
    await db.$executeRaw`
      UPDATE accidents SET grid_id = ${gridId}::uuid
       WHERE unit_path LIKE ${commander.unitPath + "%"} AND abs(lat - ${cLat}) < 0.01 AND abs(lng - ${cLng}) < 0.01`;
    const months = await gridTimeline({ actor: commander, input: { id: gridId, months: 6 } });
    expect(months).toHaveLength(6);
    const [row] = await db.$queryRaw<{ n: number; injured: number }[]>`
      SELECT count(*)::int AS n, coalesce(sum(injured), 0)::int AS injured FROM accidents WHERE grid_id = ${gridId}::uuid`;
    expect(months.reduce((s, m) => s + (m.accidents ?? 0), 0)).toBe(row.n);
    expect(months.reduce((s, m) => s + (m.injured ?? 0), 0)).toBe(row.injured);
    expect(months.reduce((s, m) => s + m.beatHours, 0)).toBeCloseTo(beatIds.length * 8, 0);
    expect(await codeOf(gridTimeline({ actor: await actorFor("yj-commander"), input: { id: gridId } }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a beat's page counts the records stored on it; a foreign beat is 404", async () => {
    const beat = beatIds[beatIds.length - 1];
    await db.$executeRaw`UPDATE accidents SET beat_id = chain_beat_at(grid_id, occurred_at) WHERE grid_id = ${gridId}::uuid`;
    const chain = await beatChain({ actor: commander, input: { id: beat } });
    expect(chain.onBeat.accidents).toBe(await db.accident.count({ where: { beatId: beat } }));
    expect(chain.recorded.accidents).toEqual([]); // the fixture's rows have no recording officer
    expect(await codeOf(beatChain({ actor: await actorFor("yj-commander"), input: { id: beat } }))).toBe("NOT_FOUND");
  });
});
