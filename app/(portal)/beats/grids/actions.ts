"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { importGeoJson } from "@/lib/duty/import-geojson";
import {
  createGridSchema,
  createPointSchema,
  createSegmentSchema,
  dutySettingsSchema,
  importGeoJsonSchema,
  updateGridSchema,
  zId,
} from "@/lib/duty/schemas";
import { saveDutySettings } from "@/lib/duty/settings";
import { createPoint, createSegment, deletePoint, deleteSegment } from "@/lib/duty/write-features";
import { archiveGrid, createGrid, updateGrid } from "@/lib/duty/write-grids";

const done = <T>(v: T) => {
  revalidatePath("/beats/grids");
  revalidatePath("/beats");
  revalidatePath("/map");
  return v;
};
const byId = z.object({ id: zId });
const changed = (r: { violations: { changed: number }; accidents: { changed: number } } | null | undefined) =>
  r ? r.violations.changed + r.accidents.changed : 0;

export const createGridAction = safeAction({ schema: createGridSchema, permission: "grid.manage" }, async (a) => {
  const r = await createGrid(a);
  return done({ id: r.grid.id, reassigned: changed(r.reassigned) });
});
export const updateGridAction = safeAction({ schema: updateGridSchema, permission: "grid.manage" }, async (a) => {
  const r = await updateGrid(a);
  return done({ id: r.grid.id, reassigned: changed(r.reassigned) });
});
export const archiveGridAction = safeAction({ schema: byId, permission: "grid.manage" }, async (a) =>
  done({ id: (await archiveGrid(a)).id }),
);
export const createSegmentAction = safeAction({ schema: createSegmentSchema, permission: "grid.manage" }, async (a) =>
  done({ id: (await createSegment(a)).id }),
);
export const deleteSegmentAction = safeAction({ schema: byId, permission: "grid.manage" }, async (a) =>
  done(await deleteSegment(a)),
);
export const createPointAction = safeAction({ schema: createPointSchema, permission: "grid.manage" }, async (a) =>
  done({ id: (await createPoint(a)).id }),
);
export const deletePointAction = safeAction({ schema: byId, permission: "grid.manage" }, async (a) =>
  done(await deletePoint(a)),
);
export const importGeoJsonAction = safeAction({ schema: importGeoJsonSchema, permission: "grid.manage" }, async (a) => {
  const r = await importGeoJson(a);
  return done({
    ok: r.ok,
    grids: r.grids,
    segments: r.segments,
    points: r.points,
    problems: r.problems,
    written: r.written,
  });
});
export const saveDutySettingsAction = safeAction({ schema: dutySettingsSchema, permission: "grid.manage" }, async (a) =>
  done(await saveDutySettings(a)),
);
