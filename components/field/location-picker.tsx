"use client";
/** The capture's location: the phone's fix with its accuracy, movable by a tap on the small map. */
import { useI18n } from "@/lib/i18n/client";
import type { RawFix } from "@/lib/field/fix-filter";
import type { FieldBootstrap } from "@/lib/field/types";
import { MiniMap } from "./mini-map";

export interface PickedLocation {
  lat: number;
  lng: number;
  accuracyM: number | null;
  moved: boolean;
}

export function LocationPicker({
  value,
  onChange,
  lastFix,
  data,
}: {
  value: PickedLocation | null;
  onChange: (v: PickedLocation | null) => void;
  lastFix: RawFix | null;
  data: FieldBootstrap | null;
}) {
  const { t } = useI18n();
  const locate = () => {
    if (lastFix) onChange({ lat: lastFix.lat, lng: lastFix.lng, accuracyM: lastFix.accuracyM, moved: false });
    navigator.geolocation?.getCurrentPosition(
      (p) => onChange({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy, moved: false }),
      () => {},
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };
  const areas = (data?.grids ?? []).map((g) => g.geometry);
  return (
    <div>
      <div className="mb-1 flex items-center justify-between">
        <span className="text-sm font-medium text-slate-700">{t("field.capture.location")}</span>
        <button type="button" onClick={locate} className="h-10 rounded-md px-3 text-sm text-brand-700 underline">
          {t("field.capture.locate")}
        </button>
      </div>
      <p className="mb-1 text-sm text-slate-600" data-testid="capture-location">
        {value
          ? `${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}${value.accuracyM != null && !value.moved ? ` · ${t("field.status.accuracy", { m: Math.round(value.accuracyM) })}` : ""}`
          : t("field.capture.noLocation")}
      </p>
      {(areas.length > 0 || value) && (
        <>
          <MiniMap
            areas={areas}
            me={lastFix}
            mark={value}
            height={160}
            label={t("field.capture.mapHint")}
            onPick={(p) => onChange({ ...p, accuracyM: null, moved: true })}
          />
          <p className="mt-1 text-xs text-slate-600">{t("field.capture.mapHint")}</p>
        </>
      )}
    </div>
  );
}
