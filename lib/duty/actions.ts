"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { copyWeek } from "@/lib/duty/copy-week";
import { createBeat } from "@/lib/duty/create-beat";
import { importGeoJson } from "@/lib/duty/import-geojson";
import {
  cancelBeatSchema,
  copyWeekSchema,
  createBeatSchema,
  createGridSchema,
  createPointSchema,
  createSegmentSchema,
  dutySettingsSchema,
  importGeoJsonSchema,
  updateBeatSchema,
  updateGridSchema,
} from "@/lib/duty/schemas";
import { saveDutySettings } from "@/lib/duty/settings";
import { cancelBeat, updateBeat } from "@/lib/duty/update-beat";
import { createPoint, createSegment, deletePoint, deleteSegment } from "@/lib/duty/write-features";
import { archiveGrid, createGrid, updateGrid } from "@/lib/duty/write-grids";
import { zUuid } from "@/lib/validation";

// Beats (the roster): the roster page shows them.
const done = <T>(v: T) => {
  revalidatePath("/beats");
  return v;
};

export const createBeatAction = safeAction({ schema: createBeatSchema, permission: "beat.manage" }, async (a) => {
  const r = await createBeat(a);
  return done({ id: r.beat.id, warnings: r.warnings });
});

export const updateBeatAction = safeAction({ schema: updateBeatSchema, permission: "beat.manage" }, async (a) => {
  const r = await updateBeat(a);
  return done({ id: r.beat.id, warnings: r.warnings });
});

export const cancelBeatAction = safeAction({ schema: cancelBeatSchema, permission: "beat.manage" }, async (a) =>
  done({ id: (await cancelBeat(a)).id }),
);

export const copyWeekAction = safeAction({ schema: copyWeekSchema, permission: "beat.manage" }, async (a) =>
  done(await copyWeek(a)),
);

// Grids, segments and points: the grid editor, the roster (its grid list) and the map show them.
const gridsDone = <T>(v: T) => {
  revalidatePath("/beats/grids");
  revalidatePath("/beats");
  revalidatePath("/map");
  return v;
};
const byId = z.object({ id: zUuid });
const changed = (r: { violations: { changed: number }; accidents: { changed: number } } | null | undefined) =>
  r ? r.violations.changed + r.accidents.changed : 0;

export const createGridAction = safeAction({ schema: createGridSchema, permission: "grid.manage" }, async (a) => {
  const r = await createGrid(a);
  return gridsDone({ id: r.grid.id, reassigned: changed(r.reassigned) });
});
export const updateGridAction = safeAction({ schema: updateGridSchema, permission: "grid.manage" }, async (a) => {
  const r = await updateGrid(a);
  return gridsDone({ id: r.grid.id, reassigned: changed(r.reassigned) });
});
export const archiveGridAction = safeAction({ schema: byId, permission: "grid.manage" }, async (a) =>
  gridsDone({ id: (await archiveGrid(a)).id }),
);
export const createSegmentAction = safeAction({ schema: createSegmentSchema, permission: "grid.manage" }, async (a) =>
  gridsDone({ id: (await createSegment(a)).id }),
);
export const deleteSegmentAction = safeAction({ schema: byId, permission: "grid.manage" }, async (a) =>
  gridsDone(await deleteSegment(a)),
);
export const createPointAction = safeAction({ schema: createPointSchema, permission: "grid.manage" }, async (a) =>
  gridsDone({ id: (await createPoint(a)).id }),
);
export const deletePointAction = safeAction({ schema: byId, permission: "grid.manage" }, async (a) =>
  gridsDone(await deletePoint(a)),
);
export const importGeoJsonAction = safeAction({ schema: importGeoJsonSchema, permission: "grid.manage" }, async (a) => {
  const r = await importGeoJson(a);
  return gridsDone({
    ok: r.ok,
    grids: r.grids,
    segments: r.segments,
    points: r.points,
    problems: r.problems,
    written: r.written,
  });
});
export const saveDutySettingsAction = safeAction({ schema: dutySettingsSchema, permission: "grid.manage" }, async (a) =>
  gridsDone(await saveDutySettings(a)),
);
