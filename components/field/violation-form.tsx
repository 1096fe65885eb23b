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
import { LocationPicker } from "./location-picker";
import { PlateInput } from "./plate-input";
import { carried, type FieldErrors } from "./capture-common";
import { CaptureFrame, NotesRow, Row, SaveBlock, TextRow, useCapture, type CaptureFormProps } from "./capture-form";

export function ViolationForm(props: CaptureFormProps) {
  const { data, lastFix, initial, onSubmit } = props;
  const { t, locale } = useI18n();
  const canPenalize = data.user.permissions.includes("violation.penalize");
  const types = useMemo(() => data.catalogue.filter((c) => mayRecordType(canPenalize, c)), [data, canPenalize]);
  const c = useCapture(props);
  const seed = c.seed;
  const str = (k: string) => (seed?.[k] == null ? "" : String(seed[k]));
  const [typeKey, setTypeKey] = useState(str("type"));
  const [query, setQuery] = useState("");
  const [plate, setPlate] = useState(str("plate") || "贵");
  const [vehicleType, setVehicleType] = useState(str("vehicleType") || "small_car");
  const [fine, setFine] = useState(str("fineYuan"));
  const [points, setPoints] = useState(str("points"));
  const [notes, setNotes] = useState(str("notes"));
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
      ...c.where,
      ...(canPenalize && fine !== "" ? { fineYuan: fine } : {}),
      ...(canPenalize && points !== "" ? { points } : {}),
      ...(notes ? { notes } : {}),
    };
    // The catalogue's range for the fine (and detention), as the server checks it.
    const penalty = (d: { fineYuan?: number; detentionDays?: number }): FieldErrors =>
      type
        ? Object.fromEntries(
            penaltyIssues({ ...type, active: true }, { fineYuan: d.fineYuan, detentionDays: d.detentionDays }).map(
              (i) => [i.path, i.message],
            ),
          )
        : {};
    if (!c.check(createViolationSchema, body, penalty)) return;
    const summary = `${type ? name(type) : typeKey} · ${plate.length > 1 ? plate : "—"}`;
    await onSubmit({ kind: "violation", body: JSON.parse(JSON.stringify(body)), summary, photos: c.photos }, again);
    if (again) {
      setPlate(plate[0] ?? "贵");
      c.setPhotos([]);
      setNotes("");
    }
  };

  const err = (k: string) =>
    c.errors[k]
      ? translateMessage(t, c.errors[k], type ? { min: type.fineMinYuan, max: type.fineMaxYuan } : {})
      : undefined;
  const results = searchTypes(types, query, 12);
  return (
    <CaptureFrame testId="violation-form" seed={seed} onSave={() => void submit(false)}>
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
            <span className="text-sm text-slate-600">{type.initials}</span>
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
              {results.length === 0 && <li className="p-3 text-sm text-slate-600">{t("field.capture.noTypes")}</li>}
              {results.map((x) => (
                <li key={x.key} role="option" aria-selected={x.key === typeKey}>
                  <button
                    type="button"
                    onClick={() => choose(x.key)}
                    className="flex min-h-12 w-full items-center justify-between px-3 text-left text-base hover:bg-slate-50"
                  >
                    <span>{name(x)}</span>
                    <span className="text-xs text-slate-600">{x.initials}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {err("type") && <p className="mt-1 text-sm text-red-700">{err("type")}</p>}
      </div>
      <PlateInput value={plate} onChange={setPlate} error={err("plate")} />
      <Row id="field-vehicle" label={t("field.capture.vehicleType")} error={err("vehicleType")}>
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
      </Row>
      <LocationPicker value={c.loc} onChange={c.setLoc} lastFix={lastFix} data={data} />
      {canPenalize ? (
        <div className="grid grid-cols-2 gap-3">
          <TextRow
            id="field-fine"
            testId="fine"
            inputMode="numeric"
            large
            label={t("field.capture.fine")}
            value={fine}
            onChange={setFine}
            hint={type && t("field.capture.fineRange", { min: type.fineMinYuan, max: type.fineMaxYuan })}
            error={err("fineYuan")}
            errorTestId="fine-error"
          />
          <TextRow
            id="field-points"
            inputMode="numeric"
            large
            label={t("field.capture.points")}
            value={points}
            onChange={setPoints}
            error={err("points")}
          />
        </div>
      ) : (
        <p className="rounded-md bg-slate-100 p-2 text-sm text-slate-600">{t("field.capture.auxNoPenalty")}</p>
      )}
      <NotesRow value={notes} onChange={setNotes} error={err("notes")} />
      <SaveBlock
        fixing={!!initial}
        photos={c.photos}
        onPhotos={c.setPhotos}
        error={err("form")}
        onSaveAndNext={() => void submit(true)}
      />
    </CaptureFrame>
  );
}
