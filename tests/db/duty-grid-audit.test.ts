/**
 * What every edit of the grid map leaves behind: one audit row (action, entity, the row's
 * id and unit, the before/after images without geometry) and, for the editor's writes, a
 * "duty.grid" event to the row's unit naming the grid that changed. The GeoJSON import
 * audits each row it writes (flagged `import`) and sends one event to the target unit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { importGeoJson } from "@/lib/duty/import-geojson";
import { updateGridSchema } from "@/lib/duty/schemas";
import { createSegment, deletePoint, deleteSegment, updatePoint, updateSegment } from "@/lib/duty/write-features";
import { archiveGrid, updateGrid } from "@/lib/duty/write-grids";
import { actorFor } from "../setup/actors";
import { square, ZY } from "../setup/duty-fixtures";
import { townGrid, townPoint } from "../setup/duty-grid";
import { hearLiveEvents, waitFor } from "../setup/live-events";

let duty: SessionUser;
const events = hearLiveEvents();

beforeAll(async () => {
  duty = await actorFor("zy-duty");
});

/** The "duty.grid" events since `from`, once `n` of them have arrived (NOTIFY is delivered on commit). */
const gridEvents = async (from: number, n: number) => {
  const mine = () => events.slice(from).filter((e) => e.topic === "duty.grid");
  await waitFor(() => mine().length >= n, 5000);
  return mine().map(({ unitPath, data }) => ({ unitPath, data }));
};

const auditOf = (ids: string[]) =>
  db.auditLog.findMany({
    where: { entityId: { in: ids } },
    orderBy: { id: "asc" },
    select: { action: true, entity: true, entityId: true, unitId: true, unitPath: true, before: true, after: true },
  });

describe("grid map edits", () => {
  it("audit every write in the row's unit and tell the map which grid changed", async () => {
    const squad = await db.unit.findUniqueOrThrow({ where: { code: "522625-01" } });
    const unit = { unitId: squad.id, unitPath: squad.path };
    const from = events.length;

    const { grid } = await townGrid({ actor: duty, name: "审计网格" });
    await updateGrid({ actor: duty, input: updateGridSchema.parse({ id: grid.id, name: "审计网格二" }) });
    const line = {
      type: "LineString" as const,
      coordinates: [
        [ZY.lng + 0.001, ZY.lat + 0.001],
        [ZY.lng + 0.009, ZY.lat + 0.001],
      ] as [number, number][],
    };
    const seg = await createSegment({ actor: duty, input: { gridId: grid.id, name: "审计路段", geometry: line } });
    await updateSegment({ actor: duty, input: { id: seg.id, name: "审计路段二" } });
    await deleteSegment({ actor: duty, input: { id: seg.id } });
    const point = await townPoint({ actor: duty, gridId: grid.id, name: "审计点", offset: 0.005 });
    await updatePoint({ actor: duty, input: { id: point.id, radiusM: 80 } });
    await deletePoint({ actor: duty, input: { id: point.id } });
    await archiveGrid({ actor: duty, input: { id: grid.id } });

    const rows = await auditOf([grid.id, seg.id, point.id]);
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.unitId, r.unitPath])).toEqual([
      ["grid.create", "grid", grid.id, unit.unitId, unit.unitPath],
      ["grid.update", "grid", grid.id, unit.unitId, unit.unitPath],
      ["segment.create", "road_segment", seg.id, unit.unitId, unit.unitPath],
      ["segment.update", "road_segment", seg.id, unit.unitId, unit.unitPath],
      ["segment.delete", "road_segment", seg.id, unit.unitId, unit.unitPath],
      ["point.create", "must_reach_point", point.id, unit.unitId, unit.unitPath],
      ["point.update", "must_reach_point", point.id, unit.unitId, unit.unitPath],
      ["point.delete", "must_reach_point", point.id, unit.unitId, unit.unitPath],
      ["grid.delete", "grid", grid.id, unit.unitId, unit.unitPath],
    ]);
    const [gridCreate, gridUpdate, segCreate, segUpdate, segDelete, pointCreate, pointUpdate, pointDelete, gridDelete] =
      rows as { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
    // Creates keep the new row (grids and segments without their geometry), deletes the old one.
    expect(gridCreate.before).toBeNull();
    expect(gridCreate.after).toMatchObject({ id: grid.id, name: "审计网格", kind: "urban", difficulty: 3 });
    expect(gridCreate.after).not.toHaveProperty("geometry");
    expect(gridCreate.after).toHaveProperty("bbox");
    expect(segCreate.after).toMatchObject({ id: seg.id, gridId: grid.id, name: "审计路段", lengthM: seg.lengthM });
    expect(segCreate.after).not.toHaveProperty("geometry");
    expect(segDelete.before).toMatchObject({ id: seg.id, name: "审计路段二" });
    expect(segDelete.before).not.toHaveProperty("geometry");
    expect(segDelete.after).toBeNull();
    expect(pointCreate.after).toMatchObject({ id: point.id, name: "审计点", radiusM: 50, lat: point.lat });
    expect(pointDelete.before).toMatchObject({ id: point.id, radiusM: 80 });
    expect(gridDelete.before).toMatchObject({ id: grid.id, name: "审计网格二" });
    expect(gridDelete.before).not.toHaveProperty("geometry");
    // Updates keep only what changed.
    expect([gridUpdate.before, gridUpdate.after]).toEqual([{ name: "审计网格" }, { name: "审计网格二" }]);
    expect([segUpdate.before, segUpdate.after]).toEqual([{ name: "审计路段" }, { name: "审计路段二" }]);
    expect([pointUpdate.before, pointUpdate.after]).toEqual([{ radiusM: 50 }, { radiusM: 80 }]);

    expect(await gridEvents(from, 9)).toEqual(
      ["create", "update", "segment", "segment", "segment", "point", "point", "point", "archive"].map((action) => ({
        unitPath: unit.unitPath,
        data: { id: grid.id, action },
      })),
    );
  });

  it("by GeoJSON import are audited row by row, flagged, and announced once to the target unit", async () => {
    const squad = await db.unit.findUniqueOrThrow({ where: { code: "522625-02" } });
    const from = events.length;
    const at = { lng: 108.5, lat: 26.95 };
    const r = await importGeoJson({
      actor: duty,
      input: {
        unitCode: "522625-02",
        dryRun: false,
        geojson: {
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              properties: { name: "审计导入", difficulty: 2 },
              geometry: square(at.lng, at.lat, 0.02),
            },
            {
              type: "Feature",
              properties: { name: "审计导入路段" },
              geometry: {
                type: "LineString",
                coordinates: [
                  [at.lng + 0.001, at.lat + 0.01],
                  [at.lng + 0.019, at.lat + 0.01],
                ],
              },
            },
            {
              type: "Feature",
              properties: { name: "审计导入点", radiusM: 60 },
              geometry: { type: "Point", coordinates: [at.lng + 0.01, at.lat + 0.015] },
            },
          ] as never,
        },
      },
    });
    expect(r.written).toMatchObject({ gridsCreated: 1, segmentsCreated: 1, pointsCreated: 1 });
    const grid = await db.grid.findFirstOrThrow({ where: { name: "审计导入", archivedAt: null } });
    const seg = await db.roadSegment.findFirstOrThrow({ where: { name: "审计导入路段" } });
    const point = await db.mustReachPoint.findFirstOrThrow({ where: { name: "审计导入点" } });
    const rows = await auditOf([grid.id, seg.id, point.id]);
    expect(rows.map((x) => [x.action, x.entity, x.entityId, x.unitId, x.unitPath])).toEqual([
      ["grid.create", "grid", grid.id, squad.id, squad.path],
      ["segment.create", "road_segment", seg.id, squad.id, squad.path],
      ["point.create", "must_reach_point", point.id, squad.id, squad.path],
    ]);
    for (const x of rows) {
      expect(x.before).toBeNull();
      expect(x.after).toMatchObject({ id: x.entityId, import: true });
      expect(x.after).not.toHaveProperty("geometry");
    }
    expect(rows[1].after).toMatchObject({ gridId: grid.id, lengthM: seg.lengthM });
    expect(rows[2].after).toMatchObject({ gridId: grid.id, radiusM: 60 });
    expect(await gridEvents(from, 1)).toEqual([{ unitPath: squad.path, data: { action: "import" } }]);
  });
});
