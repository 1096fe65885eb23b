"use client";
/** A minor accident (快处快赔) on the road: parties with their plates and fault, handling, location, photos. */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { ACCIDENT_HANDLING, VEHICLE_TYPES } from "@/lib/records/enums";
import type { FieldBootstrap } from "@/lib/field/types";
import type { RawFix } from "@/lib/field/fix-filter";
import { LocationPicker, type PickedLocation } from "./location-picker";
import { PhotoPicker, type PickedPhoto } from "./photo-picker";
import { ForIncident } from "./for-incident";
import { PlateInput } from "./plate-input";
import { carried, fieldErrors, type CaptureSubmit, type FieldErrors } from "./capture-common";

interface Party {
  plate: string;
  vehicleType: string;
  atFault: boolean;
}

const input = "h-12 w-full rounded-md border border-slate-300 px-3 text-base";

export function AccidentForm({
  data,
  lastFix,
  initial,
  prefill,
  serverErrors,
  onSubmit,
}: {
  data: FieldBootstrap;
  lastFix: RawFix | null;
  /** A refused item being fixed. */
  initial?: Record<string, unknown> | null;
  /** A new record for a dispatched incident (incidentSeed). */
  prefill?: Record<string, unknown> | null;
  serverErrors?: FieldErrors;
  onSubmit: CaptureSubmit;
}) {
  const { t } = useI18n();
  const seed = initial ?? prefill ?? null;
  const [parties, setParties] = useState<Party[]>(
    (initial?.vehicles as Party[] | undefined) ?? [
      { plate: "贵", vehicleType: "small_car", atFault: true },
      { plate: "贵", vehicleType: "small_car", atFault: false },
    ],
  );
  const [handling, setHandling] = useState(String(initial?.handling ?? "quick"));
  const [injured, setInjured] = useState(String(initial?.injured ?? "0"));
  const [loss, setLoss] = useState(String(initial?.propertyLossYuan ?? ""));
  const [notes, setNotes] = useState(String(initial?.notes ?? ""));
  const [loc, setLoc] = useState<PickedLocation | null>(
    seed?.lat != null
      ? { lat: Number(seed.lat), lng: Number(seed.lng), accuracyM: null, moved: true }
      : lastFix
        ? { lat: lastFix.lat, lng: lastFix.lng, accuracyM: lastFix.accuracyM, moved: false }
        : null,
  );
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors ?? {});
  const set = (i: number, p: Partial<Party>) => setParties(parties.map((x, j) => (j === i ? { ...x, ...p } : x)));

  const submit = async () => {
    const body: Record<string, unknown> = {
      occurredAt: seed?.occurredAt ?? new Date().toISOString(),
      ...carried(seed),
      handling,
      injured,
      ...(loss ? { propertyLossYuan: loss } : {}),
      ...(loc ? { lat: Number(loc.lat.toFixed(6)), lng: Number(loc.lng.toFixed(6)) } : {}),
      vehicles: parties.map((p) => ({
        plate: p.plate.length > 1 ? p.plate : undefined,
        vehicleType: p.vehicleType,
        atFault: p.atFault,
      })),
      ...(notes ? { notes } : {}),
    };
    const parsed = createAccidentSchema.safeParse(body);
    const errs = parsed.success ? {} : fieldErrors(parsed.error.issues);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const summary = `${t("field.outbox.kinds.accident")} · ${parties.map((p) => (p.plate.length > 1 ? p.plate : "—")).join(" / ")}`;
    await onSubmit({ kind: "accident", body: JSON.parse(JSON.stringify(body)), summary, photos }, false);
  };
  const err = (k: string) => (errors[k] ? translateMessage(t, errors[k]) : undefined);

  return (
    <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), void submit())} data-testid="accident-form">
      {seed?.incidentId != null && <ForIncident seed={seed} />}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("field.capture.parties")}</legend>
        {parties.map((p, i) => (
          <div key={i} className="space-y-2 rounded-lg border border-slate-200 p-3">
            <PlateInput value={p.plate} onChange={(v) => set(i, { plate: v })} error={err(`vehicles.${i}.plate`)} />
            <select
              aria-label={t("field.capture.vehicleType")}
              value={p.vehicleType}
              onChange={(e) => set(i, { vehicleType: e.target.value })}
              className={input}
            >
              {VEHICLE_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`records.vehicleTypes.${v}`)}
                </option>
              ))}
            </select>
            <label className="flex h-10 items-center gap-2 text-base">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={p.atFault}
                onChange={(e) => set(i, { atFault: e.target.checked })}
              />
              {t("field.capture.atFault")}
            </label>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setParties([...parties, { plate: "贵", vehicleType: "small_car", atFault: false }])}
          className="h-11 w-full rounded-md border border-slate-300 text-base"
        >
          {t("field.capture.addParty")}
        </button>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <label className="text-sm font-medium text-slate-700">
          {t("field.capture.handling")}
          <select value={handling} onChange={(e) => setHandling(e.target.value)} className={input + " mt-1 bg-white"}>
            {ACCIDENT_HANDLING.map((h) => (
              <option key={h} value={h}>
                {t(`records.handlings.${h}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("field.capture.injured")}
          <input
            inputMode="numeric"
            value={injured}
            onChange={(e) => setInjured(e.target.value)}
            className={input + " mt-1"}
          />
          {err("injured") && <span className="text-sm text-red-700">{err("injured")}</span>}
        </label>
      </div>
      <label className="block text-sm font-medium text-slate-700">
        {t("field.capture.propertyLoss")}
        <input inputMode="numeric" value={loss} onChange={(e) => setLoss(e.target.value)} className={input + " mt-1"} />
      </label>
      <LocationPicker value={loc} onChange={setLoc} lastFix={lastFix} data={data} />
      <label className="block text-sm font-medium text-slate-700">
        {t("field.capture.notes")}
        <textarea
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={2}
          className="mt-1 w-full rounded-md border border-slate-300 p-3 text-base"
        />
      </label>
      {!initial && <PhotoPicker photos={photos} onChange={setPhotos} />}
      {errors.form && <p className="text-sm text-red-700">{err("form")}</p>}
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
