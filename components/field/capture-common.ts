/** What every capture form hands the app, and how zod issues become per-field messages. */
import type { OutboxKind } from "@/lib/field/store";
import type { PickedPhoto } from "./photo-picker";

export type FieldErrors = Record<string, string>;

export interface Capture {
  kind: OutboxKind;
  body: Record<string, unknown>;
  summary: string;
  photos: PickedPhoto[];
}

/** `again`: the officer stays in the form for the next capture. */
export type CaptureSubmit = (c: Capture, again: boolean) => Promise<void>;

export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) out[i.path.map(String).join(".") || "form"] ??= i.message;
  return out;
}

/** What a record made for a dispatched incident starts from: its call time, place and road, and the link back. */
export function incidentSeed(inc: {
  id: string;
  receivedAt: string;
  lat: number;
  lng: number;
  roadName: string | null;
  address: string | null;
}): Record<string, unknown> {
  return {
    incidentId: inc.id,
    occurredAt: inc.receivedAt,
    lat: inc.lat,
    lng: inc.lng,
    ...(inc.roadName ? { roadName: inc.roadName } : {}),
    ...(inc.address ? { address: inc.address } : {}),
  };
}

/** The fields a capture keeps, unseen, from what it started from (the incident link, road and address). */
export function carried(seed: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ["incidentId", "roadName", "address"]) if (seed?.[k]) out[k] = seed[k];
  return out;
}
