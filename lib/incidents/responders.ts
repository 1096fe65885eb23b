import "server-only";
import { db } from "@/lib/db";
import { assertCan, pathLike, type Actor } from "@/lib/auth/actor";
import { permissionsOf, ROLES } from "@/lib/auth/permissions";
import { MAP_HISTORY_H } from "@/lib/duty/list-positions";
import { distanceM } from "@/lib/geo/geometry";
import { incidentForActor } from "./read-incidents";

export interface Responder {
  userId: string;
  name: string;
  role: string;
  /** On a beat of the incident's grid right now (路警/路员 of the grid). */
  onBeat: boolean;
  /** From their latest position; null without one. */
  distanceM: number | null;
  /** Age of that position in seconds; null without one. */
  fixAgeS: number | null;
  /** Their latest reported status (on_patrol | handling_incident), null without a position. */
  status: string | null;
}

/** Roles that answer incidents (those with incident.respond): officers and auxiliaries. */
const RESPONDER_ROLES = ROLES.filter((r) => permissionsOf(r).includes("incident.respond"));

/**
 * Whom to send (GET /api/v1/incidents/{id}/responders), best first: the people on duty in
 * the incident's grid right now (its current beat), then everyone else of the incident's
 * brigade by distance from their latest position (reported in the last 12 hours). Never
 * those whose latest status is off duty or SOS, nor those on another open incident; never
 * anyone outside the incident's brigade or the viewer's scope.
 */
export async function proposeResponders({
  actor,
  input,
}: {
  actor: Actor;
  input: { id: string; limit?: number };
}): Promise<Responder[]> {
  assertCan(actor, "incident.dispatch");
  const inc = await incidentForActor({ actor, id: input.id });
  const now = Date.now();
  const since = new Date(now - MAP_HISTORY_H * 3600_000);
  const rows = await db.$queryRaw<
    {
      id: string;
      display_name: string;
      role: string;
      lat: number | null;
      lng: number | null;
      status: string | null;
      occurred_at: Date | null;
      on_beat: boolean;
      busy: boolean;
    }[]
  >`
    SELECT u.id, u.display_name, u.role::text AS role, lp.lat, lp.lng, lp.status, lp.occurred_at,
           EXISTS (SELECT 1 FROM beat_members m JOIN beats b ON b.id = m.beat_id
                    WHERE m.user_id = u.id AND NOT m.cancelled AND m.starts_at <= now() AND m.ends_at > now()
                      AND b.grid_id = ${inc.gridId}::uuid) AS on_beat,
           EXISTS (SELECT 1 FROM incident_dispatches d JOIN incidents i ON i.id = d.incident_id
                    WHERE d.ended_at IS NULL AND d.user_ids @> ARRAY[u.id] AND d.incident_id <> ${inc.id}::uuid
                      AND i.status IN ('dispatched', 'accepted', 'on_scene')) AS busy
      FROM users u
      JOIN units un ON un.id = u.unit_id
      JOIN units b ON b.id = ${inc.brigadeId}::uuid
      LEFT JOIN last_positions lp ON lp.user_id = u.id AND lp.occurred_at >= ${since}
     WHERE u.active AND u.role::text = ANY(${RESPONDER_ROLES}::text[])
       AND un.path LIKE like_prefix(b.path) AND un.path LIKE ${pathLike(actor.unitPath)}`;
  return rows
    .filter((r) => !r.busy && r.status !== "off_duty" && r.status !== "sos" && (r.on_beat || r.lat !== null))
    .map((r) => ({
      userId: r.id,
      name: r.display_name,
      role: r.role,
      onBeat: r.on_beat,
      distanceM: r.lat !== null && r.lng !== null ? Math.round(distanceM(inc, { lat: r.lat, lng: r.lng })) : null,
      fixAgeS: r.occurred_at ? Math.max(0, Math.round((now - r.occurred_at.getTime()) / 1000)) : null,
      status: r.status,
    }))
    .sort(
      (a, b) =>
        Number(b.onBeat) - Number(a.onBeat) ||
        (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) ||
        a.name.localeCompare(b.name, "zh"),
    )
    .slice(0, input.limit ?? 10);
}
