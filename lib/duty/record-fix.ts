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
 * Appends the fixes to the person's track and, when the newest is newer than what we have,
 * makes it their last position and tells every open map (NOTIFY on commit). A late upload
 * of older fixes joins the track without moving the marker back. A fix already stored (same
 * person, same instant: a phone resending a batch whose answer it never got) is skipped, so
 * replays store nothing twice. Returns how many fixes were new and whether the marker moved.
 */
export async function recordFixes(tx: Tx, who: Reporter, fixes: Fix[]): Promise<{ stored: number; current: boolean }> {
  const unique = [...new Map(fixes.map((f) => [f.at.getTime(), f])).values()];
  if (!unique.length) return { stored: 0, current: false };
  // One person's uploads are serialised: a replayed batch racing its original waits and then skips.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7262028, hashtext(${who.id}))`;
  const stored = await tx.$executeRaw`
    INSERT INTO positions (user_id, unit_id, unit_path, brigade_id, occurred_at, lat, lng, accuracy_m, status)
    SELECT ${who.id}::uuid, ${who.unit.id}::uuid, ${who.unit.path}, ${who.brigadeId}::uuid, f.at, f.lat, f.lng, f.acc, f.status
      FROM unnest(${unique.map((f) => f.at.toISOString())}::timestamptz[], ${unique.map((f) => f.lat)}::float8[],
                  ${unique.map((f) => f.lng)}::float8[], ${unique.map((f) => (f.accuracyM == null ? null : String(f.accuracyM)))}::float8[],
                  ${unique.map((f) => f.status)}::text[]) AS f(at, lat, lng, acc, status)
     WHERE NOT EXISTS (SELECT 1 FROM positions p WHERE p.user_id = ${who.id}::uuid AND p.occurred_at = f.at)`;
  const fix = unique.reduce((a, b) => (b.at > a.at ? b : a));
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
  return { stored, current: moved.length > 0 };
}

/** One fix (a single report, an SOS): see recordFixes. */
export async function recordFix(tx: Tx, who: Reporter, fix: Fix): Promise<boolean> {
  return (await recordFixes(tx, who, [fix])).current;
}
