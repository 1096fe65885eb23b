import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, can, type Actor, pathLike } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { maskPhone } from "@/lib/identity/id-card";
import { scopePathFor } from "@/lib/units/read-units";

export interface PersonOnMap {
  userId: string;
  name: string;
  role: string;
  badgeNumber: string | null;
  phone: string | null;
  unitCode: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  status: string;
  at: string;
  beat: { id: string; gridName: string; shiftKind: string; endsAt: string } | null;
}

/** How far back a last position still puts a person on the map. */
export const MAP_HISTORY_H = 12;

/**
 * Each person's last position under a unit (reported in the last 12 hours), with their
 * role, phone (masked unless the viewer may see it) and the beat they are on now.
 */
export async function listLastPositions({
  actor,
  input = {},
}: {
  actor: Actor;
  input?: { unit?: string; userId?: string };
}): Promise<PersonOnMap[]> {
  assertCan(actor, "map.view");
  const path = await scopePathFor({ actor, unitCode: input.unit });
  const since = new Date(Date.now() - MAP_HISTORY_H * 3600_000);
  const rows = await db.$queryRaw<
    {
      user_id: string;
      display_name: string;
      role: string;
      badge_number: string | null;
      phone: string | null;
      unit_code: string;
      lat: number;
      lng: number;
      accuracy_m: number | null;
      status: string;
      occurred_at: Date;
      beat_id: string | null;
      grid_name: string | null;
      shift_kind: string | null;
      ends_at: Date | null;
    }[]
  >`
    SELECT p.user_id, u.display_name, u.role::text AS role, u.badge_number, u.phone, un.code AS unit_code,
           p.lat, p.lng, p.accuracy_m, p.status, p.occurred_at,
           cb.id AS beat_id, cb.grid_name, cb.shift_kind, cb.ends_at
      FROM last_positions p
      JOIN users u ON u.id = p.user_id
      JOIN units un ON un.id = p.unit_id
      LEFT JOIN LATERAL (
        SELECT b.id, g.name AS grid_name, b.shift_kind, b.ends_at
          FROM beat_members m JOIN beats b ON b.id = m.beat_id JOIN grids g ON g.id = b.grid_id
         WHERE m.user_id = p.user_id AND NOT m.cancelled AND m.starts_at <= now() AND m.ends_at > now()
         LIMIT 1) cb ON true
     WHERE p.unit_path LIKE ${pathLike(path)} AND p.occurred_at >= ${since}
       AND (${input.userId ?? null}::uuid IS NULL OR p.user_id = ${input.userId ?? null}::uuid)
     ORDER BY u.display_name`;
  const reveal = can(actor, "personnel.contact");
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.display_name,
    role: r.role,
    badgeNumber: r.badge_number,
    phone: r.phone ? (reveal ? r.phone : maskPhone(r.phone)) : null,
    unitCode: r.unit_code,
    lat: r.lat,
    lng: r.lng,
    accuracyM: r.accuracy_m,
    status: r.status,
    at: r.occurred_at.toISOString(),
    beat: r.beat_id
      ? { id: r.beat_id, gridName: r.grid_name!, shiftKind: r.shift_kind!, endsAt: r.ends_at!.toISOString() }
      : null,
  }));
}

/** One person's track between two instants (at most 24 hours, 5,000 fixes). */
export async function getTrack({ actor, input }: { actor: Actor; input: { userId: string; from: Date; to: Date } }) {
  assertCan(actor, "map.view");
  if (input.to <= input.from || input.to.getTime() - input.from.getTime() > 24 * 3600_000) {
    throw new AppError("INVALID", "duty.validation.range", {
      fields: [{ path: "to", message: "duty.validation.range" }],
    });
  }
  const u = await db.user.findUnique({ where: { id: input.userId }, select: { unit: { select: { path: true } } } });
  if (!u) throw new AppError("NOT_FOUND", "person not found");
  assertInScope(actor, u.unit.path, "person");
  const rows = await db.$queryRaw<
    { occurred_at: Date; lat: number; lng: number; accuracy_m: number | null; status: string }[]
  >`
    SELECT occurred_at, lat, lng, accuracy_m, status FROM positions
     WHERE user_id = ${input.userId}::uuid AND occurred_at >= ${input.from} AND occurred_at < ${input.to}
       AND unit_path LIKE ${pathLike(actor.unitPath)}
     ORDER BY occurred_at LIMIT 5000`;
  return rows.map((r) => ({
    at: r.occurred_at.toISOString(),
    lat: r.lat,
    lng: r.lng,
    accuracyM: r.accuracy_m,
    status: r.status,
  }));
}
