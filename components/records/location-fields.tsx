"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";

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
  const cls = big ? "h-12 text-base" : undefined;
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
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.location")}</legend>
      <Field label={t("records.lat")} htmlFor="lat" error={fields.lat}>
        <Input
          id="lat"
          name="lat"
          inputMode="decimal"
          value={lat}
          onChange={(e) => setLat(e.target.value)}
          className={cls}
          {...invalidProps("lat", fields.lat)}
        />
      </Field>
      <Field label={t("records.lng")} htmlFor="lng" error={fields.lng}>
        <Input
          id="lng"
          name="lng"
          inputMode="decimal"
          value={lng}
          onChange={(e) => setLng(e.target.value)}
          className={cls}
          {...invalidProps("lng", fields.lng)}
        />
      </Field>
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
      <Field label={t("records.roadName")} htmlFor="roadName" error={fields.roadName}>
        <Input
          id="roadName"
          name="roadName"
          defaultValue={defaults?.roadName}
          className={cls}
          {...invalidProps("roadName", fields.roadName)}
        />
      </Field>
      <Field label={t("records.address")} htmlFor="address" error={fields.address}>
        <Input
          id="address"
          name="address"
          defaultValue={defaults?.address}
          className={cls}
          {...invalidProps("address", fields.address)}
        />
      </Field>
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
