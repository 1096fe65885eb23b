import "server-only";
import { can, type Actor } from "@/lib/auth/actor";
import type { LiveEvent } from "@/lib/realtime/events";
import { INCIDENT_TOPIC, type IncidentEvent } from "./events";

/**
 * Which incident events a viewer gets: the desk (incident.view) every one in scope; a
 * responder only those whose dispatch names them, or releases them (so their phone drops it).
 */
export function incidentEventFilter(actor: Actor) {
  const desk = can(actor, "incident.view");
  return (e: LiveEvent): boolean => {
    if (e.topic !== INCIDENT_TOPIC) return false;
    if (desk && e.unitPath.startsWith(actor.unitPath)) return true;
    const d = e.data as IncidentEvent;
    return !!actor.userId && (d.userIds.includes(actor.userId) || d.releasedUserIds.includes(actor.userId));
  };
}
