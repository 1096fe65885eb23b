/** A grid on the county town and must-reach points in it, made through the editor's own write paths. */
import type { Actor } from "@/lib/auth/actor";
import { createGridSchema } from "@/lib/duty/schemas";
import { createPoint } from "@/lib/duty/write-features";
import { createGrid } from "@/lib/duty/write-grids";
import { square, ZY } from "./duty-fixtures";

/** An urban grid of the urban squad (522625-01): a 0.01° square with its south-west corner at ZY. */
export async function townGrid({ actor, name }: { actor: Actor; name: string }) {
  return createGrid({
    actor,
    input: createGridSchema.parse({
      unitCode: "522625-01",
      name,
      kind: "urban",
      geometry: square(ZY.lng, ZY.lat, 0.01),
      difficulty: 3,
    }),
  });
}

/** A must-reach point of a grid, `offset` degrees north and east of ZY, with a 50 m radius and no time windows. */
export async function townPoint({
  actor,
  gridId,
  name,
  offset,
}: {
  actor: Actor;
  gridId: string;
  name: string;
  offset: number;
}) {
  return createPoint({
    actor,
    input: { gridId, name, lat: ZY.lat + offset, lng: ZY.lng + offset, radiusM: 50, timeWindows: [] },
  });
}
