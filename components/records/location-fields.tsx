"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { BIG, InputField } from "./record-form-parts";

export interface UnitChoice {
  code: string;
  label: string;
}

/**
 * Where it happened: coordinates (typed, or from the device's GPS), road and place, and
 * — for users with squads below them — the unit when it should not follow from the point.
 */
export function LocationFields({
  fields,
  units,
  big,
  defaults,
}: {
  fields: Record<string, string>;
  units: UnitChoice[];
  big?: boolean;
  /** Where it happened when already known (a record made for an incident). */
  defaults?: { lat?: string; lng?: string; roadName?: string; address?: string };
}) {
  const t = useT();
  const [lat, setLat] = useState(defaults?.lat ?? "");
  const [lng, setLng] = useState(defaults?.lng ?? "");
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const cls = big ? BIG : undefined;
  const locate = () => {
    if (!navigator.geolocation) return setState("failed");
    setState("busy");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLat(p.coords.latitude.toFixed(6));
        setLng(p.coords.longitude.toFixed(6));
        setState("idle");
      },
      () => setState("failed"),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };
  const input = (name: "lat" | "lng" | "roadName" | "address", more: React.InputHTMLAttributes<HTMLInputElement>) => (
    <InputField name={name} label={t(`records.${name}`)} error={fields[name]} className={cls} {...more} />
  );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.location")}</legend>
      {input("lat", { inputMode: "decimal", value: lat, onChange: (e) => setLat(e.target.value) })}
      {input("lng", { inputMode: "decimal", value: lng, onChange: (e) => setLng(e.target.value) })}
      <div className="sm:col-span-2">
        <Button
          variant="secondary"
          size={big ? "lg" : "md"}
          onClick={locate}
          disabled={state === "busy"}
          data-testid="use-location"
        >
          {state === "busy" ? t("records.locating") : t("records.useMyLocation")}
        </Button>
        <p
          className={state === "failed" ? "mt-1 text-sm text-red-600" : "mt-1 text-xs text-slate-500"}
          role={state === "failed" ? "alert" : undefined}
        >
          {state === "failed" ? t("records.locationFailed") : t("records.locationHint")}
        </p>
      </div>
      {input("roadName", { defaultValue: defaults?.roadName })}
      {input("address", { defaultValue: defaults?.address })}
      {units.length > 1 && (
        <Field label={t("records.unit")} htmlFor="unitCode" error={fields.unitCode} className="sm:col-span-2">
          <Select id="unitCode" name="unitCode" defaultValue="" className={cls}>
            <option value="">{t("records.unitAuto")}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </fieldset>
  );
}
