"use client";
/**
 * Capturing a violation on the road: type from the catalogue (search by name or pinyin
 * initials), plate with a province keypad, vehicle type, location, fine and points from
 * the catalogue (none for auxiliaries), photos. Checked on the phone with the schema the
 * server uses and the catalogue's ranges, then saved to the outbox; the server has the
 * last word (a refused capture comes back to this form to be fixed).
 */
import { useMemo, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { VEHICLE_TYPES } from "@/lib/records/enums";
import { createViolationSchema } from "@/lib/violations/schemas";
import { mayRecordType, penaltyIssues } from "@/lib/violations/rules";
import { searchTypes } from "@/lib/field/type-search";
import type { FieldBootstrap } from "@/lib/field/types";
import type { RawFix } from "@/lib/field/fix-filter";
import { LocationPicker, type PickedLocation } from "./location-picker";
import { PhotoPicker, type PickedPhoto } from "./photo-picker";
import { ForIncident } from "./for-incident";
import { PlateInput } from "./plate-input";
import { carried, fieldErrors, type CaptureSubmit, type FieldErrors } from "./capture-common";

export function ViolationForm({
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
  const { t, locale } = useI18n();
  const canPenalize = data.user.permissions.includes("violation.penalize");
  const types = useMemo(() => data.catalogue.filter((c) => mayRecordType(canPenalize, c)), [data, canPenalize]);
  const seed = initial ?? prefill ?? null;
  const str = (k: string) => (seed?.[k] == null ? "" : String(seed[k]));
  const [typeKey, setTypeKey] = useState(str("type"));
  const [query, setQuery] = useState("");
  const [plate, setPlate] = useState(str("plate") || "贵");
  const [vehicleType, setVehicleType] = useState(str("vehicleType") || "small_car");
  const [fine, setFine] = useState(str("fineYuan"));
  const [points, setPoints] = useState(str("points"));
  const [notes, setNotes] = useState(str("notes"));
  const [loc, setLoc] = useState<PickedLocation | null>(
    seed?.lat != null
      ? { lat: Number(seed.lat), lng: Number(seed.lng), accuracyM: null, moved: true }
      : lastFix
        ? { lat: lastFix.lat, lng: lastFix.lng, accuracyM: lastFix.accuracyM, moved: false }
        : null,
  );
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors ?? {});
  const type = types.find((x) => x.key === typeKey);
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "zh" ? x.nameZh : x.nameEn);

  const choose = (key: string) => {
    setTypeKey(key);
    setQuery("");
    const tp = types.find((x) => x.key === key);
    if (tp && canPenalize) {
      setFine(String(tp.fineMinYuan));
      setPoints(String(tp.points));
    }
  };

  const submit = async (again: boolean) => {
    const body: Record<string, unknown> = {
      occurredAt: str("occurredAt") || new Date().toISOString(),
      ...carried(seed),
      type: typeKey,
      source: "onsite",
      plate: plate.length > 1 ? plate : undefined,
      vehicleType,
      ...(loc ? { lat: Number(loc.lat.toFixed(6)), lng: Number(loc.lng.toFixed(6)) } : {}),
      ...(canPenalize && fine !== "" ? { fineYuan: fine } : {}),
      ...(canPenalize && points !== "" ? { points } : {}),
      ...(notes ? { notes } : {}),
    };
    const parsed = createViolationSchema.safeParse(body);
    const errs: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (parsed.success && type)
      for (const i of penaltyIssues(
        { ...type, active: true },
        { fineYuan: parsed.data.fineYuan, detentionDays: parsed.data.detentionDays },
      ))
        errs[i.path] = i.message;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const summary = `${type ? name(type) : typeKey} · ${plate.length > 1 ? plate : "—"}`;
    await onSubmit({ kind: "violation", body: JSON.parse(JSON.stringify(body)), summary, photos }, again);
    if (again) {
      setPlate(plate[0] ?? "贵");
      setPhotos([]);
      setNotes("");
    }
  };

  const err = (k: string) =>
    errors[k]
      ? translateMessage(t, errors[k], type ? { min: type.fineMinYuan, max: type.fineMaxYuan } : {})
      : undefined;
  const results = searchTypes(types, query, 12);
  return (
    <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), void submit(false))} data-testid="violation-form">
      {seed?.incidentId != null && <ForIncident seed={seed} />}
      <div>
        <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor="field-type-search">
          {t("field.capture.type")}
        </label>
        {type && !query ? (
          <button
            type="button"
            onClick={() => setQuery(" ")}
            data-testid="type-chosen"
            className="flex h-12 w-full items-center justify-between rounded-md border border-brand-600 bg-brand-50 px-3 text-left text-base"
          >
            <span>{name(type)}</span>
            <span className="text-sm text-slate-500">{type.initials}</span>
          </button>
        ) : (
          <>
            <input
              id="field-type-search"
              data-testid="type-search"
              value={query.trimStart()}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t("field.capture.typeSearch")}
              autoComplete="off"
              className="h-12 w-full rounded-md border border-slate-300 px-3 text-base"
            />
            <ul className="mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white" role="listbox">
              {results.length === 0 && <li className="p-3 text-sm text-slate-500">{t("field.capture.noTypes")}</li>}
              {results.map((x) => (
                <li key={x.key} role="option" aria-selected={x.key === typeKey}>
                  <button
                    type="button"
                    onClick={() => choose(x.key)}
                    className="flex min-h-12 w-full items-center justify-between px-3 text-left text-base hover:bg-slate-50"
                  >
                    <span>{name(x)}</span>
                    <span className="text-xs text-slate-500">{x.initials}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {err("type") && <p className="mt-1 text-sm text-red-700">{err("type")}</p>}
      </div>
      <PlateInput value={plate} onChange={setPlate} error={err("plate")} />
      <div>
        <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor="field-vehicle">
          {t("field.capture.vehicleType")}
        </label>
        <select
          id="field-vehicle"
          value={vehicleType}
          onChange={(e) => setVehicleType(e.target.value)}
          className="h-12 w-full rounded-md border border-slate-300 bg-white px-3 text-base"
        >
          {VEHICLE_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`records.vehicleTypes.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <LocationPicker value={loc} onChange={setLoc} lastFix={lastFix} data={data} />
      {canPenalize ? (
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor="field-fine">
              {t("field.capture.fine")}
            </label>
            <input
              id="field-fine"
              data-testid="fine"
              inputMode="numeric"
              value={fine}
              onChange={(e) => setFine(e.target.value)}
              aria-invalid={!!err("fineYuan")}
              className="h-12 w-full rounded-md border border-slate-300 px-3 text-lg"
            />
            {type && (
              <p className="mt-1 text-xs text-slate-500">
                {t("field.capture.fineRange", { min: type.fineMinYuan, max: type.fineMaxYuan })}
              </p>
            )}
            {err("fineYuan") && (
              <p className="mt-1 text-sm text-red-700" data-testid="fine-error">
                {err("fineYuan")}
              </p>
            )}
          </div>
          <div>
            <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor="field-points">
              {t("field.capture.points")}
            </label>
            <input
              id="field-points"
              inputMode="numeric"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              className="h-12 w-full rounded-md border border-slate-300 px-3 text-lg"
            />
            {err("points") && <p className="mt-1 text-sm text-red-700">{err("points")}</p>}
          </div>
        </div>
      ) : (
        <p className="rounded-md bg-slate-100 p-2 text-sm text-slate-600">{t("field.capture.auxNoPenalty")}</p>
      )}
      <div>
        <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor="field-notes">
          {t("field.capture.notes")}
        </label>
        <textarea
          id="field-notes"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={2}
          className="w-full rounded-md border border-slate-300 p-3 text-base"
        />
      </div>
      {!initial && <PhotoPicker photos={photos} onChange={setPhotos} />}
      <div className="grid gap-2">
        <button
          type="submit"
          data-testid="capture-save"
          className="h-14 rounded-xl bg-brand-600 text-lg font-semibold text-white"
        >
          {initial ? t("field.capture.fixAndResend") : t("field.capture.save")}
        </button>
        {!initial && (
          <button
            type="button"
            data-testid="capture-save-next"
            onClick={() => void submit(true)}
            className="h-12 rounded-xl border border-brand-600 text-base font-semibold text-brand-700"
          >
            {t("field.capture.saveAndNext")}
          </button>
        )}
      </div>
    </form>
  );
}
