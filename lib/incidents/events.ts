/**
 * Live incident events: sent with notifyEvent inside the writing transaction (NOTIFY on
 * commit, every app instance), streamed by GET /api/v1/incidents/events to desks in scope
 * and to the responders named in the dispatch. Small facts only; clients refetch details.
 */
export const INCIDENT_TOPIC = "incident";

export interface IncidentEvent {
  id: string;
  status: string;
  kind: string;
  priority: number;
  lat: number;
  lng: number;
  receivedAt: string;
  /** People of the standing dispatch (they see it on their phones). */
  userIds: string[];
  /** People taken off it by this change (a re-dispatch, a cancel): their phones drop it. */
  releasedUserIds: string[];
}
