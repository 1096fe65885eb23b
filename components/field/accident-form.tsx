"use client";
/** A minor accident (快处快赔) on the road: parties with their plates and fault, handling, location, photos. */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { ACCIDENT_HANDLING, VEHICLE_TYPES } from "@/lib/records/enums";
import { LocationPicker } from "./location-picker";
import { PlateInput } from "./plate-input";
import { carried } from "./capture-common";
import { CaptureFrame, NotesRow, Row, SaveBlock, TextRow, useCapture, type CaptureFormProps } from "./capture-form";

interface Party {
  plate: string;
  vehicleType: string;
  atFault: boolean;
}

const input = "h-12 w-full rounded-md border border-slate-300 px-3 text-base";

export function AccidentForm(props: CaptureFormProps) {
  const { data, lastFix, initial, onSubmit } = props;
  const { t } = useI18n();
  const c = useCapture(props);
  const seed = c.seed;
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
  const set = (i: number, p: Partial<Party>) => setParties(parties.map((x, j) => (j === i ? { ...x, ...p } : x)));

  const submit = async () => {
    const body: Record<string, unknown> = {
      occurredAt: seed?.occurredAt ?? new Date().toISOString(),
      ...carried(seed),
      handling,
      injured,
      ...(loss ? { propertyLossYuan: loss } : {}),
      ...c.where,
      vehicles: parties.map((p) => ({
        plate: p.plate.length > 1 ? p.plate : undefined,
        vehicleType: p.vehicleType,
        atFault: p.atFault,
      })),
      ...(notes ? { notes } : {}),
    };
    if (!c.check(createAccidentSchema, body)) return;
    const summary = `${t("field.outbox.kinds.accident")} · ${parties.map((p) => (p.plate.length > 1 ? p.plate : "—")).join(" / ")}`;
    await onSubmit({ kind: "accident", body: JSON.parse(JSON.stringify(body)), summary, photos: c.photos }, false);
  };
  const err = (k: string) => (c.errors[k] ? translateMessage(t, c.errors[k]) : undefined);

  return (
    <CaptureFrame testId="accident-form" seed={seed} onSave={() => void submit()}>
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
        <Row id="field-handling" label={t("field.capture.handling")}>
          <select
            id="field-handling"
            value={handling}
            onChange={(e) => setHandling(e.target.value)}
            className={input + " bg-white"}
          >
            {ACCIDENT_HANDLING.map((h) => (
              <option key={h} value={h}>
                {t(`records.handlings.${h}`)}
              </option>
            ))}
          </select>
        </Row>
        <TextRow
          id="field-injured"
          inputMode="numeric"
          label={t("field.capture.injured")}
          value={injured}
          onChange={setInjured}
          error={err("injured")}
        />
      </div>
      <TextRow
        id="field-loss"
        inputMode="numeric"
        label={t("field.capture.propertyLoss")}
        value={loss}
        onChange={setLoss}
        error={err("propertyLossYuan")}
      />
      <LocationPicker value={c.loc} onChange={c.setLoc} lastFix={lastFix} data={data} />
      <NotesRow value={notes} onChange={setNotes} error={err("notes")} />
      <SaveBlock fixing={!!initial} photos={c.photos} onPhotos={c.setPhotos} error={err("form")} />
    </CaptureFrame>
  );
}
