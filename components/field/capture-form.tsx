"use client";
/**
 * What the capture forms (violation, accident, hazard) share: their props, the state every
 * capture keeps (the location — from the record being fixed or the incident, else the last
 * fix —, the photos, the field errors and the check with the server's schema), the form's
 * frame (the incident it is for) and its save block (photos, form error, save buttons).
 */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { FieldBootstrap } from "@/lib/field/types";
import type { RawFix } from "@/lib/field/fix-filter";
import { fieldErrors, type CaptureSubmit, type FieldErrors } from "./capture-common";
import { ForIncident } from "./for-incident";
import type { PickedLocation } from "./location-picker";
import { PhotoPicker, type PickedPhoto } from "./photo-picker";

export interface CaptureFormProps {
  data: FieldBootstrap;
  lastFix: RawFix | null;
  /** A refused item being fixed. */
  initial?: Record<string, unknown> | null;
  /** A new record for a dispatched incident (incidentSeed). */
  prefill?: Record<string, unknown> | null;
  serverErrors?: FieldErrors;
  onSubmit: CaptureSubmit;
}

interface Checkable<T> {
  safeParse(
    v: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export function useCapture({ initial, prefill, lastFix, serverErrors }: CaptureFormProps) {
  const seed = initial ?? prefill ?? null;
  const [loc, setLoc] = useState<PickedLocation | null>(
    seed?.lat != null
      ? { lat: Number(seed.lat), lng: Number(seed.lng), accuracyM: null, moved: true }
      : lastFix
        ? { lat: lastFix.lat, lng: lastFix.lng, accuracyM: lastFix.accuracyM, moved: false }
        : null,
  );
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors ?? {});
  return {
    seed,
    loc,
    setLoc,
    photos,
    setPhotos,
    errors,
    /** The location as the record's fields (none when there is no fix yet). */
    where: loc ? { lat: Number(loc.lat.toFixed(6)), lng: Number(loc.lng.toFixed(6)) } : {},
    /** Checks the body with the server's schema (then `more` on what it parsed); shows the errors, true when none. */
    check<T>(schema: Checkable<T>, body: Record<string, unknown>, more?: (data: T) => FieldErrors): boolean {
      const parsed = schema.safeParse(body);
      const errs = parsed.success ? (more?.(parsed.data) ?? {}) : fieldErrors(parsed.error.issues);
      setErrors(errs);
      return Object.keys(errs).length === 0;
    },
  };
}

/** The form: the incident it records (when made from a dispatch), the fields, then the save block. */
export function CaptureFrame({
  testId,
  seed,
  onSave,
  children,
}: {
  testId: string;
  seed: Record<string, unknown> | null;
  onSave: () => void;
  children: React.ReactNode;
}) {
  return (
    <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), onSave())} data-testid={testId}>
      {seed?.incidentId != null && <ForIncident seed={seed} />}
      {children}
    </form>
  );
}

/** Photos (not when fixing a refused item: its photos are kept), a form-wide error, save (and save-and-next). */
export function SaveBlock({
  fixing,
  photos,
  onPhotos,
  error,
  onSaveAndNext,
}: {
  fixing: boolean;
  photos: PickedPhoto[];
  onPhotos: (p: PickedPhoto[]) => void;
  error?: string;
  onSaveAndNext?: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {!fixing && <PhotoPicker photos={photos} onChange={onPhotos} />}
      {error && <p className="text-sm text-red-700">{error}</p>}
      <div className="grid gap-2">
        <button
          type="submit"
          data-testid="capture-save"
          className="h-14 rounded-xl bg-brand-600 text-lg font-semibold text-white"
        >
          {fixing ? t("field.capture.fixAndResend") : t("field.capture.save")}
        </button>
        {!fixing && onSaveAndNext && (
          <button
            type="button"
            data-testid="capture-save-next"
            onClick={onSaveAndNext}
            className="h-12 rounded-xl border border-brand-600 text-base font-semibold text-brand-700"
          >
            {t("field.capture.saveAndNext")}
          </button>
        )}
      </div>
    </>
  );
}

/** A labelled field with its hint and error (the label names the control by id). */
export function Row({
  id,
  label,
  hint,
  error,
  errorTestId,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  errorTestId?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
      {error && (
        <p className="mt-1 text-sm text-red-700" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled text box: an input, or a textarea when given `rows`. */
export function TextRow({
  value,
  onChange,
  rows,
  type,
  inputMode,
  testId,
  large,
  ...row
}: Omit<React.ComponentProps<typeof Row>, "children"> & {
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  type?: "text" | "date";
  inputMode?: "numeric";
  testId?: string;
  large?: boolean;
}) {
  const common = {
    id: row.id,
    value,
    "data-testid": testId,
    "aria-invalid": row.error ? true : undefined,
  };
  return (
    <Row {...row}>
      {rows ? (
        <textarea
          {...common}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          className="w-full rounded-md border border-slate-300 p-3 text-base"
        />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
          className={`h-12 w-full rounded-md border border-slate-300 px-3 ${large ? "text-lg" : "text-base"}`}
        />
      )}
    </Row>
  );
}

/** The free-text notes every record may carry. */
export function NotesRow({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <TextRow
      id="field-notes"
      label={t("field.capture.notes")}
      value={value}
      onChange={onChange}
      rows={2}
      error={error}
    />
  );
}
