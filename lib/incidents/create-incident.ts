import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { maskPhone } from "@/lib/identity/id-card";
import { createRecord, placer, recordData, recorderData } from "@/lib/records/kernel";
import { INCIDENT_TOPIC, type IncidentEvent } from "./events";
import { incidentInclude, type IncidentRow } from "./read-incidents";
import type { CreateIncidentInput } from "./schemas";

export function incidentEvent(
  i: { id: string; status: string; kind: string; priority: number; lat: number; lng: number; receivedAt: Date },
  userIds: string[] = [],
  releasedUserIds: string[] = [],
): IncidentEvent {
  return {
    id: i.id,
    status: i.status,
    kind: i.kind,
    priority: i.priority,
    lat: i.lat,
    lng: i.lng,
    receivedAt: i.receivedAt.toISOString(),
    userIds,
    releasedUserIds,
  };
}

/**
 * 接警: logs a call (or a 110 transfer, a patrol find, a camera alert, another system's
 * push). Unit, grid and the beat on duty come from the location through the records'
 * placement; replays are idempotent by externalRef (per unit) or Idempotency-Key, through
 * the same create-once path as every record. Every desk in scope hears of it at commit.
 */
export async function createIncident({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: CreateIncidentInput;
  idempotencyKey?: string | null;
}): Promise<{ record: IncidentRow; replayed: boolean }> {
  assertCan(actor, "incident.create");
  const receivedAt = input.receivedAt ?? new Date();
  const place = await placer(actor).place({ ...input, occurredAt: receivedAt });
  // A replay without receivedAt must hash like the first request: the content is the input as sent.
  return createRecord({
    actor,
    model: "incident",
    entity: "incident",
    idempotencyKey,
    content: input,
    externalRef: input.externalRef,
    data: {
      ...recordData(place),
      beatId: place.beatId,
      source: input.source,
      kind: input.kind,
      priority: input.priority,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone ?? null,
      lat: input.lat!,
      lng: input.lng!,
      address: input.address ?? null,
      roadName: input.roadName ?? null,
      kmMarker: input.kmMarker ?? null,
      description: input.description ?? null,
      receivedAt,
      ...recorderData(actor),
    },
    // The audit log keeps the caller's phone masked, like every screen.
    audit: (row) => ({ ...row, callerPhone: row.callerPhone ? maskPhone(row.callerPhone) : null }),
    notify: (row) => ({ topic: INCIDENT_TOPIC, data: incidentEvent(row) }),
    load: (tx: Tx, id: string) => tx.incident.findUnique({ where: { id }, include: incidentInclude }),
  });
}
