"use client";
/**
 * Plate entry for one thumb: a keypad of province characters (贵 first here, then the
 * neighbours), then letters and digits typed normally (upper-cased).
 */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";

// Guizhou and Chongqing first (where the brigades are), then the rest.
const PROVINCES = "贵渝川湘滇桂鄂粤京津沪冀豫云辽黑皖鲁新苏浙赣甘晋蒙陕吉闽青藏宁琼";

export function PlateInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const province = PROVINCES.includes(value[0] ?? "") ? value[0] : "";
  const rest = province ? value.slice(1) : value;
  return (
    <div>
      <label className="mb-1 block text-sm font-medium text-slate-700" htmlFor="field-plate">
        {t("field.capture.plate")}
      </label>
      <div className="flex gap-2">
        <button
          type="button"
          data-testid="plate-province"
          aria-expanded={open}
          aria-label={t("field.capture.province")}
          onClick={() => setOpen((o) => !o)}
          className="h-12 w-14 rounded-md border border-slate-300 bg-white text-xl font-semibold"
        >
          {province || "省"}
        </button>
        <input
          id="field-plate"
          data-testid="plate-rest"
          value={rest}
          inputMode="text"
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={8}
          aria-invalid={!!error}
          onChange={(e) => onChange((province || "") + e.target.value.replace(/[\s·.\-•]/g, "").toUpperCase())}
          className="h-12 min-w-0 flex-1 rounded-md border border-slate-300 px-3 font-mono text-xl uppercase"
        />
      </div>
      {open && (
        <div role="group" aria-label={t("field.capture.province")} className="mt-2 grid grid-cols-8 gap-1">
          {[...PROVINCES].map((p) => (
            <button
              key={p}
              type="button"
              onClick={() => {
                onChange(p + rest);
                setOpen(false);
                document.getElementById("field-plate")?.focus();
              }}
              className={`h-11 rounded-md border text-lg ${p === province ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
            >
              {p}
            </button>
          ))}
        </div>
      )}
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}
