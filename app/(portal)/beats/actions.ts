"use server";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { copyWeek } from "@/lib/duty/copy-week";
import { createBeat } from "@/lib/duty/create-beat";
import { cancelBeatSchema, copyWeekSchema, createBeatSchema, updateBeatSchema } from "@/lib/duty/schemas";
import { cancelBeat, updateBeat } from "@/lib/duty/update-beat";

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
