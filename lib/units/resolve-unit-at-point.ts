import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Area } from "@/lib/geo/geometry";
import { pointInArea } from "@/lib/geo/plane";
import { pathLike } from "@/lib/auth/actor";

/**
 * The deepest unit in the actor's scope whose outline contains the point (a squad
 * before its brigade), or null when none does.
 */
export async function resolveUnitAtPoint({
  actor,
  input: { lng, lat },
}: {
  actor: Actor;
  input: { lng: number; lat: number };
}) {
  const candidates = await db.$queryRaw<
    { id: string; code: string; path: string; kind: string; depth: number; outline: Area }[]
  >`
    SELECT id, code, path, kind::text AS kind, depth, outline
      FROM units
     WHERE path LIKE ${pathLike(actor.unitPath)}
       AND outline IS NOT NULL
       AND cardinality(bbox) = 4
       AND bbox[1] <= ${lng} AND bbox[3] >= ${lng}
       AND bbox[2] <= ${lat} AND bbox[4] >= ${lat}
     ORDER BY depth DESC`;
  for (const u of candidates) {
    if (pointInArea(u.outline, lng, lat)) return { id: u.id, code: u.code, path: u.path, kind: u.kind };
  }
  return null;
}
