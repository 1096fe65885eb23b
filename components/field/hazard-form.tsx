"use client";
/** A road hazard (隐患) found on patrol: title, description, deadline, location, photos. */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { createHazardSchema } from "@/lib/hazards/schemas";
import { addDays, localDate } from "@/lib/time";
import type { FieldBootstrap } from "@/lib/field/types";
import type { RawFix } from "@/lib/field/fix-filter";
import { LocationPicker, type PickedLocation } from "./location-picker";
import { PhotoPicker, type PickedPhoto } from "./photo-picker";
import { fieldErrors, type CaptureSubmit, type FieldErrors } from "./capture-common";

const input = "mt-1 h-12 w-full rounded-md border border-slate-300 px-3 text-base";

export function HazardForm({
  data,
  lastFix,
  initial,
  serverErrors,
  onSubmit,
}: {
  data: FieldBootstrap;
  lastFix: RawFix | null;
  initial?: Record<string, unknown> | null;
  serverErrors?: FieldErrors;
  onSubmit: CaptureSubmit;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(String(initial?.title ?? ""));
  const [description, setDescription] = useState(String(initial?.description ?? ""));
  const [deadline, setDeadline] = useState(String(initial?.deadline ?? addDays(localDate(new Date()), 15)));
  const [loc, setLoc] = useState<PickedLocation | null>(
    initial?.lat != null
      ? { lat: Number(initial.lat), lng: Number(initial.lng), accuracyM: null, moved: true }
      : lastFix
        ? { lat: lastFix.lat, lng: lastFix.lng, accuracyM: lastFix.accuracyM, moved: false }
        : null,
  );
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors ?? {});

  const submit = async () => {
    const body: Record<string, unknown> = {
      foundAt: initial?.foundAt ?? new Date().toISOString(),
      title,
      description,
      deadline,
      source: "patrol",
      ...(loc ? { lat: Number(loc.lat.toFixed(6)), lng: Number(loc.lng.toFixed(6)) } : {}),
    };
    const parsed = createHazardSchema.safeParse(body);
    const errs = parsed.success ? {} : fieldErrors(parsed.error.issues);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    await onSubmit({ kind: "hazard", body, summary: `${t("field.outbox.kinds.hazard")} · ${title}`, photos }, false);
  };
  const err = (k: string) =>
    errors[k] && <span className="text-sm text-red-700">{translateMessage(t, errors[k])}</span>;

  return (
    <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), void submit())} data-testid="hazard-form">
      <label className="block text-sm font-medium text-slate-700">
        {t("field.capture.title")}
        <input value={title} onChange={(e) => setTitle(e.target.value)} className={input} />
        {err("title")}
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("field.capture.description")}
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          className="mt-1 w-full rounded-md border border-slate-300 p-3 text-base"
        />
        {err("description")}
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("field.capture.deadline")}
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} className={input} />
        {err("deadline")}
      </label>
      <LocationPicker value={loc} onChange={setLoc} lastFix={lastFix} data={data} />
      {!initial && <PhotoPicker photos={photos} onChange={setPhotos} />}
      <button
        type="submit"
        data-testid="capture-save"
        className="h-14 w-full rounded-xl bg-brand-600 text-lg font-semibold text-white"
      >
        {initial ? t("field.capture.fixAndResend") : t("field.capture.save")}
      </button>
    </form>
  );
}
