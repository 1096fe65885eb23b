import "server-only";
import type { Tx } from "@/lib/db";
import { notifyEvent } from "@/lib/realtime/notify";
import type { PositionEvent } from "./events";
import type { Reporter } from "./reporter";

export interface Fix {
  lat: number;
  lng: number;
  accuracyM: number | null;
  status: string;
  at: Date;
}

/**
 * Appends the fix to the person's track and, when it is newer than what we have, makes
 * it their last position and tells every open map (NOTIFY on commit). A late upload of
 * an older fix joins the track without moving the marker back.
 */
export async function recordFix(tx: Tx, who: Reporter, fix: Fix): Promise<boolean> {
  await tx.$executeRaw`
    INSERT INTO positions (user_id, unit_id, unit_path, brigade_id, occurred_at, lat, lng, accuracy_m, status)
    VALUES (${who.id}::uuid, ${who.unit.id}::uuid, ${who.unit.path}, ${who.brigadeId}::uuid, ${fix.at}, ${fix.lat}, ${fix.lng}, ${fix.accuracyM}, ${fix.status})`;
  const moved = await tx.$queryRaw<{ user_id: string }[]>`
    INSERT INTO last_positions (user_id, unit_id, unit_path, brigade_id, occurred_at, lat, lng, accuracy_m, status, updated_at)
    VALUES (${who.id}::uuid, ${who.unit.id}::uuid, ${who.unit.path}, ${who.brigadeId}::uuid, ${fix.at}, ${fix.lat}, ${fix.lng}, ${fix.accuracyM}, ${fix.status}, now())
    ON CONFLICT (user_id) DO UPDATE SET
      unit_id = EXCLUDED.unit_id, unit_path = EXCLUDED.unit_path, brigade_id = EXCLUDED.brigade_id, occurred_at = EXCLUDED.occurred_at,
      lat = EXCLUDED.lat, lng = EXCLUDED.lng, accuracy_m = EXCLUDED.accuracy_m, status = EXCLUDED.status, updated_at = now()
    WHERE last_positions.occurred_at <= EXCLUDED.occurred_at
    RETURNING user_id`;
  if (moved.length) {
    const event: PositionEvent = {
      userId: who.id,
      name: who.name,
      role: who.role,
      unitCode: who.unit.code,
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: fix.accuracyM,
      status: fix.status,
      at: fix.at.toISOString(),
    };
    await notifyEvent(tx, "duty.position", who.unit.path, event);
  }
  return moved.length > 0;
}
