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
