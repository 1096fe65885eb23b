import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { localNowInput } from "@/lib/time";
import { getIncident } from "./read-incidents";

/** What an accident or violation form starts with when it is recorded for an incident. */
export interface IncidentPrefill {
  incidentId: string;
  kind: string;
  occurredAt: string;
  lat: string;
  lng: string;
  roadName: string;
  address: string;
}

/**
 * The record made after handling an incident starts from it: its time (the call), place and
 * road; the form links it back (incidentId). Only an incident the actor may see (the desk,
 * or the responder sent to it); anything else is a 404.
 */
export async function incidentPrefill({
  actor,
  input,
}: {
  actor: Actor;
  input: { id: string };
}): Promise<IncidentPrefill> {
  const inc = await getIncident({ actor, input });
  return {
    incidentId: inc.id,
    kind: inc.kind,
    occurredAt: localNowInput(inc.receivedAt),
    lat: inc.lat.toFixed(6),
    lng: inc.lng.toFixed(6),
    roadName: inc.roadName ?? "",
    address: inc.address ?? "",
  };
}
