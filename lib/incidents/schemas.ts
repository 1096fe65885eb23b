/**
 * Incident inputs (接处警): the desk's intake form, the API (POST /api/v1/incidents from a
 * 122 call-taking system) and every step of the timeline. One schema per input, used by the
 * form (client validation), the server action and the route alike. Messages are i18n keys.
 */
import { z } from "zod";
import { zLimit } from "@/lib/pagination";
import {
  bothOrNeither,
  zBool,
  zEnumDefault,
  zExternalRef,
  zOptEnum,
  zOptLat,
  zOptDay,
  zOptLng,
  zOptPastInstant,
  zOptText,
  zOptUnitCode,
  zText,
} from "@/lib/validation";
import { INCIDENT_KINDS, INCIDENT_SOURCES, INCIDENT_STATUSES } from "./vocabulary";

export * from "./vocabulary";

const zId = z.string({ message: "validation.invalid" }).uuid("validation.invalid");

/** A caller's phone: a mobile or a landline as said on the phone (digits, +, -, spaces). */
const zCallerPhone = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") || undefined : (v ?? undefined)),
  z
    .string({ message: "validation.phone" })
    .regex(/^\+?\d{5,15}$/, "incidents.validation.phone")
    .optional(),
);

/** Priority 1 (highest) – 3, 2 when not given. */
const zPriority = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? 2 : typeof v === "string" ? Number(v) : v),
  z
    .number({ message: "incidents.validation.priority" })
    .int("incidents.validation.priority")
    .min(1, "incidents.validation.priority")
    .max(3, "incidents.validation.priority"),
);

/**
 * POST /api/v1/incidents and the intake form. The location is required (the API's lat/lng;
 * the form fills them from a named place, a road and kilometre marker, or typed numbers).
 */
export const createIncidentSchema = z
  .object({
    source: zEnumDefault(INCIDENT_SOURCES, "call_122"),
    kind: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(INCIDENT_KINDS, { message: "incidents.validation.kind" }),
    ),
    priority: zPriority,
    lat: zOptLat,
    lng: zOptLng,
    address: zOptText(200),
    roadName: zOptText(100),
    kmMarker: zOptText(20),
    description: zOptText(2000),
    callerName: zOptText(50),
    callerPhone: zCallerPhone,
    receivedAt: zOptPastInstant,
    unitCode: zOptUnitCode,
    externalRef: zExternalRef,
  })
  .superRefine((v, ctx) => {
    bothOrNeither(v, ctx);
    if (v.lat === undefined && v.lng === undefined)
      ctx.addIssue({ code: "custom", path: ["lat"], message: "incidents.validation.location" });
  });
export type CreateIncidentInput = z.output<typeof createIncidentSchema>;

/** GET /api/v1/incidents?unit&status&from&to&kind&source&open&cursor&limit */
export const listIncidentsSchema = z.object({
  unit: zOptUnitCode,
  status: zOptEnum(INCIDENT_STATUSES),
  kind: zOptEnum(INCIDENT_KINDS),
  source: zOptEnum(INCIDENT_SOURCES),
  /** Only those still open (received … handled). */
  open: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), zBool.optional()),
  from: zOptDay,
  to: zOptDay,
  grid: z.preprocess((v) => (v === "" ? undefined : v), zId.optional()),
  beat: z.preprocess((v) => (v === "" ? undefined : v), zId.optional()),
  cursor: z.string().max(200).optional(),
  limit: zLimit,
});
export type ListIncidentsInput = z.output<typeof listIncidentsSchema>;

export const incidentIdSchema = z.object({ id: zId });
export type IncidentIdInput = z.output<typeof incidentIdSchema>;

/** POST /api/v1/incidents/{id}/dispatch — { userIds, replace? } */
export const dispatchSchema = z.object({
  id: zId,
  userIds: z
    .array(zId, { message: "incidents.validation.userIds" })
    .min(1, "incidents.validation.userIds")
    .max(10, "incidents.validation.tooMany")
    .transform((ids) => [...new Set(ids)]),
  /** A re-dispatch (after a refusal or a timeout) must say so; otherwise a standing dispatch is a 409. */
  replace: zBool.optional().default(false),
});
export type DispatchInput = z.output<typeof dispatchSchema>;

/** accept | arrive | handle: the incident, and optionally the device position (arrive). */
export const stepSchema = z.object({
  id: zId,
  lat: zOptLat,
  lng: zOptLng,
  note: zOptText(500),
});
export type StepInput = z.output<typeof stepSchema>;

/** A required yes/no: true/false (or "true"/"false", "1"/"0" from a form); missing is an error. */
const zYesNo = (message: string) =>
  z.preprocess(
    (v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v),
    z.boolean({ message }),
  );

/** POST /api/v1/incidents/{id}/close — { outcome, feedback: { reached, satisfied? } } (回访) */
export const closeSchema = z
  .object({
    id: zId,
    outcome: zText(1000),
    feedback: z.object(
      {
        reached: zYesNo("incidents.validation.reached"),
        satisfied: z.preprocess(
          (v) => (v === "" || v === null ? undefined : v),
          zYesNo("validation.invalid").optional(),
        ),
      },
      { message: "incidents.validation.feedback" },
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.feedback.reached && v.feedback.satisfied !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["feedback", "satisfied"],
        message: "incidents.validation.satisfiedUnreached",
      });
  });
export type CloseInput = z.output<typeof closeSchema>;

/** POST /api/v1/incidents/{id}/cancel — { reason } */
export const cancelSchema = z.object({ id: zId, reason: zText(500) });
export type CancelInput = z.output<typeof cancelSchema>;
