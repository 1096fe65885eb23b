import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createGridSchema, updateGridSchema } from "@/lib/duty/schemas";
import { loadGridIndex, reassignGrids } from "@/lib/duty/grid-lookup";
import { importGeoJson } from "@/lib/duty/import-geojson";
import { getGrid, listGrids } from "@/lib/duty/list-grids";
import { saveDutySettings } from "@/lib/duty/settings";
import { suggestStaffing } from "@/lib/duty/staffing";
import { createSegment } from "@/lib/duty/write-features";
import { archiveGrid, createGrid, updateGrid } from "@/lib/duty/write-grids";
import { actorFor } from "../setup/actors";
import {
  brigade,
  daysAgo,
  error,
  insertAccidents,
  insertViolations,
  square,
  violationType,
  ZY,
} from "../setup/duty-fixtures";
import type { SessionUser } from "@/lib/auth/actor";

let duty: SessionUser;
const settings = {
  unitCode: "522625",
  riskWindowDays: 30,
  weightFatal: 10,
  weightInjury: 4,
  weightSerious: 2,
  weightOther: 1,
  yellowAt: 10,
  redAt: 30,
  segmentBufferM: 100,
  minDwellS: 120,
  staleAfterS: 600,
  peakWindows: [],
};

beforeAll(async () => {
  duty = await actorFor("zy-duty");
  await violationType("t_serious", true);
  await violationType("t_other", false);
});

describe("grid validation", () => {
  it("refuses self-intersecting polygons and grids outside the brigade's outline; nothing is written", async () => {
    const bowTie = {
      type: "Polygon" as const,
      coordinates: [
        [
          [108.41, 27.04],
          [108.42, 27.05],
          [108.42, 27.04],
          [108.41, 27.05],
          [108.41, 27.04],
        ],
      ],
    };
    const e1 = await error(
      createGrid({
        actor: duty,
        input: createGridSchema.parse({
          unitCode: "522625-01",
          name: "bow",
          kind: "urban",
          geometry: bowTie,
          difficulty: 3,
        }),
      }),
    );
    expect([e1.code, e1.fields?.[0]]).toEqual([
      "INVALID",
      { path: "geometry", message: "duty.validation.selfIntersection" },
    ]);
    const far = await error(
      createGrid({
        actor: duty,
        input: createGridSchema.parse({
          unitCode: "522625-01",
          name: "far",
          kind: "urban",
          geometry: square(100, 30, 0.01),
          difficulty: 3,
        }),
      }),
    );
    expect(far.fields?.[0].message).toBe("duty.validation.outsideOutline");
    // Straddling the county border (the outline's west edge is near 108.15°E).
    const straddle = await error(
      createGrid({
        actor: duty,
        input: createGridSchema.parse({
          unitCode: "522625-02",
          name: "edge",
          kind: "rural",
          geometry: square(108.1, 27.0, 0.2),
          difficulty: 3,
        }),
      }),
    );
    expect(straddle.fields?.[0].message).toBe("duty.validation.outsideOutline");
    expect(await db.grid.count()).toBe(0);
  });

  it("refuses a grid for a brigade (grids belong to squads), a duplicate name, and other brigades and roles", async () => {
    expect(
      (
        await error(
          createGrid({
            actor: duty,
            input: createGridSchema.parse({
              unitCode: "522625",
              name: "x",
              kind: "urban",
              geometry: square(ZY.lng, ZY.lat, 0.01),
              difficulty: 3,
            }),
          }),
        )
      ).message,
    ).toBe("duty.validation.squadRequired");
    const g = await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "重名",
        kind: "urban",
        geometry: square(ZY.lng, ZY.lat, 0.005),
        difficulty: 3,
      }),
    });
    expect(
      (
        await error(
          createGrid({
            actor: duty,
            input: createGridSchema.parse({
              unitCode: "522625-01",
              name: "重名",
              kind: "urban",
              geometry: square(ZY.lng + 0.005, ZY.lat, 0.005),
              difficulty: 3,
            }),
          }),
        )
      ).code,
    ).toBe("CONFLICT");
    const officer = await actorFor("zy-officer");
    expect(
      (
        await error(
          createGrid({
            actor: officer,
            input: createGridSchema.parse({
              unitCode: "522625-01",
              name: "o",
              kind: "urban",
              geometry: square(ZY.lng, ZY.lat, 0.005),
              difficulty: 3,
            }),
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const yj = await actorFor("yj-commander");
    expect(
      (
        await error(
          updateGrid({
            actor: yj,
            input: updateGridSchema.parse({
              id: g.grid.id,
              name: "hijack",
              drivers: undefined,
              roadKm: undefined,
              availablePolice: undefined,
              notes: undefined,
            }),
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await error(getGrid({ actor: yj, id: g.grid.id }))).code).toBe("NOT_FOUND");
    expect((await listGrids({ actor: yj })).items).toEqual([]);
    await archiveGrid({ actor: duty, input: { id: g.grid.id } });
  });
});

describe("risk colour from the last 30 days", () => {
  it("weights fatal > injury > serious > other, applies the brigade's thresholds and shows the counts", async () => {
    await saveDutySettings({ actor: duty, input: settings });
    const mk = (name: string, dx: number) =>
      createGrid({
        actor: duty,
        input: createGridSchema.parse({
          unitCode: "522625-01",
          name,
          kind: "urban",
          geometry: square(ZY.lng + dx, ZY.lat + 0.02, 0.004),
          difficulty: 3,
        }),
      });
    const [red, yellow, green] = [await mk("红", 0), await mk("黄", 0.005), await mk("绿", 0.01)];
    const inside = (dx: number) => ({ lat: ZY.lat + 0.022, lng: ZY.lng + dx + 0.002 });
    // red: one fatal (10) + two injury (8) + six serious (12) = 30
    await insertAccidents([
      { ...inside(0), deaths: 1, injured: 0, occurredAt: daysAgo(3) },
      { ...inside(0), deaths: 0, injured: 2, occurredAt: daysAgo(5) },
      { ...inside(0), deaths: 0, injured: 1, occurredAt: daysAgo(29) },
    ]);
    await insertViolations(
      Array.from({ length: 6 }, () => ({ ...inside(0), typeKey: "t_serious", serious: true, occurredAt: daysAgo(1) })),
    );
    // yellow: 10 ordinary violations (10) and an old fatal accident outside the window
    await insertViolations(
      Array.from({ length: 10 }, () => ({
        ...inside(0.005),
        typeKey: "t_other",
        serious: false,
        occurredAt: daysAgo(2),
      })),
    );
    await insertAccidents([{ ...inside(0.005), deaths: 2, injured: 0, occurredAt: daysAgo(45) }]);
    // green: 9 ordinary violations, one property-only accident (counts as other): 10 → yellow? no: 9 + 0 = 9 below
    await insertViolations(
      Array.from({ length: 9 }, () => ({
        ...inside(0.01),
        typeKey: "t_other",
        serious: false,
        occurredAt: daysAgo(2),
      })),
    );
    await reassignGrids({ brigadeId: (await brigade("522625")).id });

    const byName = new Map(
      (await listGrids({ actor: duty, input: { unit: "522625-01" } })).items.map((g) => [g.name, g]),
    );
    expect(byName.get("红")!.risk).toMatchObject({
      colour: "red",
      score: 30,
      fatal: 1,
      injury: 2,
      serious: 6,
      other: 0,
    });
    expect(byName.get("黄")!.risk).toMatchObject({ colour: "yellow", score: 10, fatal: 0, other: 10 });
    expect(byName.get("绿")!.risk).toMatchObject({ colour: "green", score: 9 });
    expect(byName.get("黄")!.accidents12m).toBe(1); // the old fatal accident still counts for sizing
    expect(red.grid.id && yellow.grid.id && green.grid.id).toBeTruthy();

    // Thresholds are per brigade: raising red above 30 turns the red grid yellow.
    await saveDutySettings({ actor: duty, input: { ...settings, redAt: 31 } });
    expect((await getGrid({ actor: duty, id: red.grid.id })).risk.colour).toBe("yellow");
    await expect(saveDutySettings({ actor: duty, input: { ...settings, unitCode: "522625-01" } })).rejects.toThrow(
      /brigadeRequired/,
    );
    // Wrong role, and the right role in another brigade, are refused.
    expect((await error(saveDutySettings({ actor: await actorFor("zy-officer"), input: settings }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await error(saveDutySettings({ actor: await actorFor("yj-commander"), input: settings }))).code).toBe(
      "NOT_FOUND",
    );
    await saveDutySettings({ actor: duty, input: settings });
  });

  it("colours a road segment by the records within the buffer of the line", async () => {
    const g = await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-02",
        name: "死亡路段网格",
        kind: "rural",
        geometry: square(108.45, 27.0, 0.1),
        difficulty: 4,
      }),
    });
    const seg = await createSegment({
      actor: duty,
      input: {
        gridId: g.grid.id,
        name: "东关—五里牌",
        geometry: {
          type: "LineString",
          coordinates: [
            [108.46, 27.05],
            [108.54, 27.05],
          ],
        },
      },
    });
    expect(seg.lengthM).toBeGreaterThan(7_800);
    // 4 injury accidents within ~50 m (16) + 20 ordinary violations 300 m away (ignored)
    await insertAccidents(
      Array.from({ length: 4 }, (_, i) => ({
        lat: 27.0504,
        lng: 108.47 + i * 0.01,
        deaths: 0,
        injured: 1,
        occurredAt: daysAgo(4),
      })),
    );
    await insertViolations(
      Array.from({ length: 20 }, () => ({
        lat: 27.053,
        lng: 108.5,
        typeKey: "t_other",
        serious: false,
        occurredAt: daysAgo(4),
      })),
    );
    const grid = await getGrid({ actor: duty, id: g.grid.id });
    expect(grid.segments[0].risk).toMatchObject({ colour: "yellow", injury: 4, other: 0, score: 16 });
  });
});

describe("grid lookup and reassignment", () => {
  it("assigns records to the grid containing them, and follows edits and retirements in bulk", async () => {
    const b = await brigade("522625");
    const g = await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-03",
        name: "批量",
        kind: "rural",
        geometry: square(108.3, 27.15, 0.1),
        difficulty: 3,
      }),
    });
    // 200,000 violations on a 0.2° square around the grid, straight into the table.
    const n = 200_000;
    await db.$executeRaw`
      INSERT INTO violations (unit_id, unit_path, brigade_id, occurred_at, lat, lng, type_key, serious, source, updated_at)
      SELECT ${b.id}::uuid, ${b.path}, ${b.id}::uuid, now() - (i % 30) * interval '1 day', 27.1 + (i % 449) * 0.2 / 449, 108.25 + (i / 449) * 0.2 / (${n} / 449), 't_other', false, 'onsite', now()
        FROM generate_series(1, ${n}) AS i`;
    const inGrid = async () =>
      (
        await db.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM violations WHERE lat BETWEEN 27.15 AND 27.25 AND lng BETWEEN 108.3 AND 108.4`
      )[0].n;
    const assigned = async (id: string) => db.violation.count({ where: { gridId: id } });
    const r1 = await reassignGrids({ brigadeId: b.id });
    expect(await assigned(g.grid.id)).toBe(await inGrid());
    console.log(
      `reassignGrids: ${r1.violations.scanned} violations scanned, ${r1.violations.changed} changed in ${r1.ms} ms`,
    );

    // Shrinking the grid to its west half unassigns the east half (only the changed bbox is scanned).
    const upd = await updateGrid({
      actor: duty,
      input: updateGridSchema.parse({
        id: g.grid.id,
        geometry: square(108.3, 27.15, 0.05),
        drivers: undefined,
        roadKm: undefined,
        availablePolice: undefined,
        notes: undefined,
      }),
    });
    expect(upd.reassigned!.violations.changed).toBeGreaterThan(0);
    const westHalf = (
      await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM violations WHERE lat BETWEEN 27.15 AND 27.2 AND lng BETWEEN 108.3 AND 108.35`
    )[0].n;
    expect(await assigned(g.grid.id)).toBe(westHalf);

    // The in-memory index agrees with the database for single lookups too.
    const index = await loadGridIndex(b.id);
    expect(index.at(108.32, 27.17)).toBe(g.grid.id);
    expect(index.at(108.38, 27.17)).toBeNull();
    const t0 = performance.now();
    let hits = 0;
    for (let i = 0; i < 1_000_000; i++)
      if (index.at(108.25 + Math.floor(i / 1000) * 0.0002, 27.1 + (i % 1000) * 0.0002)) hits++;
    const ms = performance.now() - t0;
    console.log(`loadGridIndex: 1,000,000 lookups over ${index.size} grids in ${ms.toFixed(0)} ms (${hits} hits)`);
    expect(hits).toBeGreaterThan(0);

    await archiveGrid({ actor: duty, input: { id: g.grid.id } });
    expect(await assigned(g.grid.id)).toBe(0);
  });
});

describe("GeoJSON import", () => {
  const fc = (features: unknown[]) => ({ type: "FeatureCollection" as const, features: features as never });
  const poly = (name: string, lng: number, extra = {}) => ({
    type: "Feature",
    properties: { name, drivers: 5000, difficulty: 4, ...extra },
    geometry: square(lng, 26.95, 0.02),
  });
  it("imports grids, segments and points; importing again updates instead of duplicating", async () => {
    const file = fc([
      poly("导入A", 108.4),
      poly("导入B", 108.42),
      {
        type: "Feature",
        properties: { name: "导入路段", grid: "导入A" },
        geometry: {
          type: "LineString",
          coordinates: [
            [108.401, 26.96],
            [108.419, 26.96],
          ],
        },
      },
      {
        type: "Feature",
        properties: { name: "导入必到点", radiusM: 60 },
        geometry: { type: "Point", coordinates: [108.43, 26.96] },
      },
    ]);
    const dry = await importGeoJson({ actor: duty, input: { unitCode: "522625-02", geojson: file, dryRun: true } });
    expect(dry).toMatchObject({ ok: true, grids: 2, segments: 1, points: 1, written: null });
    expect(await db.grid.count({ where: { name: { startsWith: "导入" } } })).toBe(0);
    const r = await importGeoJson({ actor: duty, input: { unitCode: "522625-02", geojson: file, dryRun: false } });
    expect(r.written).toMatchObject({ gridsCreated: 2, segmentsCreated: 1, pointsCreated: 1 });
    const point = await db.mustReachPoint.findFirstOrThrow({ where: { name: "导入必到点" }, include: { grid: true } });
    expect(point.grid.name).toBe("导入B");
    const again = await importGeoJson({ actor: duty, input: { unitCode: "522625-02", geojson: file, dryRun: false } });
    expect(again.written).toMatchObject({ gridsCreated: 0, gridsUpdated: 2, segmentsUpdated: 1, pointsUpdated: 1 });
    expect(await db.grid.count({ where: { name: { startsWith: "导入" }, archivedAt: null } })).toBe(2);
    // The list and the single grid show the imported sizing factors and the staffing they suggest.
    const listed = (await listGrids({ actor: duty, input: { unit: "522625-02" } })).items.find(
      (g) => g.name === "导入A",
    )!;
    const single = await getGrid({ actor: duty, id: listed.id });
    for (const g of [listed, single]) {
      expect(g).toMatchObject({ drivers: 5000, roadKm: null, difficulty: 4, availablePolice: null });
      expect(g.staffing).toEqual(
        suggestStaffing({
          drivers: 5000,
          roadKm: null,
          accidents12m: g.accidents12m,
          difficulty: 4,
          availablePolice: null,
        }),
      );
      expect(g.staffing.parts.drivers).toBe(5);
    }
  });

  it("is refused to officers and to another brigade's commander", async () => {
    const input = { unitCode: "522625-02", dryRun: true, geojson: fc([poly("x", 108.4)]) };
    expect((await error(importGeoJson({ actor: await actorFor("zy-officer"), input }))).code).toBe("FORBIDDEN");
    expect((await error(importGeoJson({ actor: await actorFor("yj-commander"), input }))).code).toBe("NOT_FOUND");
  });

  it("writes nothing when any feature is wrong, and lists each problem", async () => {
    const r = await importGeoJson({
      actor: duty,
      input: {
        unitCode: "522625-02",
        dryRun: false,
        geojson: fc([
          poly("好的", 108.44),
          poly("", 108.46),
          {
            type: "Feature",
            properties: { name: "自交" },
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [108.48, 26.95],
                  [108.49, 26.96],
                  [108.49, 26.95],
                  [108.48, 26.96],
                  [108.48, 26.95],
                ],
              ],
            },
          },
          { type: "Feature", properties: { name: "线" }, geometry: { type: "MultiLineString", coordinates: [] } },
        ]),
      },
    });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.index, p.message])).toEqual([
      [1, "duty.import.nameRequired"],
      [2, "duty.validation.selfIntersection"],
      [3, "duty.import.unsupportedGeometry"],
    ]);
    expect(await db.grid.count({ where: { name: "好的" } })).toBe(0);
  });
});
