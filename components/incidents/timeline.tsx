import { clsx } from "clsx";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import type { IncidentFull } from "@/lib/incidents/wire";

/** 处警过程: every step with its time and person, oldest first (server and client alike). */
export function Timeline({ steps, t, locale }: { steps: IncidentFull["timeline"]; t: TFunction; locale: Locale }) {
  return (
    <ol className="relative space-y-2 border-l border-slate-200 pl-4" data-testid="incident-timeline">
      {steps.map((s, i) => (
        <li key={`${s.step}-${i}`} className="relative" data-step={s.step}>
          <span
            className={clsx(
              "absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white",
              s.step === "cancelled" ? "bg-slate-400" : s.step === "closed" ? "bg-green-600" : "bg-brand-600",
            )}
          />
          <p className="text-sm">
            <span className="font-medium text-slate-900">{t(`incidents.steps.${s.step}`)}</span>
            <span className="ml-2 tabular-nums text-slate-500">{formatDateTime(s.at, locale)}</span>
          </p>
          <p className="text-xs text-slate-600">
            {s.by?.name ?? "API"}
            {s.to && s.to.length > 0 && ` → ${s.to.map((p) => p.name).join("、")}`}
            {s.auto && ` · ${t("incidents.autoArrived")}`}
            {s.note && ` · ${s.note}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
