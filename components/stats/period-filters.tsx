"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { UnitSelect } from "@/components/stats/unit-select";
import { Button } from "@/components/ui/button";
import { Captioned } from "@/components/ui/captioned";
import { Input, Select } from "@/components/ui/field";
import { Spinner } from "@/components/ui/states";
import { useT } from "@/lib/i18n/client";

export interface FilterValue {
  unit: string;
  period: string;
  year?: number;
  from?: string;
  to?: string;
}

/**
 * Unit and period of the dashboard, kept in the URL (a link shows the same figures).
 * Presets apply at once; custom dates on "apply". Without JavaScript it is a GET form.
 */
export function PeriodFilters({
  units,
  value,
  years,
  presets,
}: {
  units: { code: string; label: string }[];
  value: FilterValue;
  years: number[];
  presets: readonly string[];
}) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const [period, setPeriod] = useState(value.period);
  const [from, setFrom] = useState(value.from ?? "");
  const [to, setTo] = useState(value.to ?? "");
  // Back/forward or a link changes the URL under us: take the new values (React's
  // "adjust state when a prop changes" pattern, no effect needed).
  const signature = JSON.stringify(value);
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setPeriod(value.period);
    setFrom(value.from ?? "");
    setTo(value.to ?? "");
  }

  const go = (next: Partial<FilterValue>) => {
    const v = { ...value, period, from, to, ...next };
    const p = new URLSearchParams();
    p.set("unit", v.unit);
    p.set("period", v.period);
    if (v.period === "year" && v.year) p.set("year", String(v.year));
    if (v.period === "custom") {
      if (!v.from || !v.to) return;
      p.set("from", v.from);
      p.set("to", v.to);
    }
    start(() => router.push(`${pathname}?${p.toString()}`));
  };

  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-2"
      role="search"
      aria-label={t("stats.filters")}
      onSubmit={(e) => {
        e.preventDefault();
        go({});
      }}
    >
      <Captioned label={t("stats.unit")}>
        <UnitSelect
          units={units}
          value={value.unit}
          onChange={(e) => go({ unit: e.target.value })}
          className="w-auto min-w-44 max-w-72"
          data-testid="stats-unit"
        />
      </Captioned>
      <Captioned label={t("stats.period")}>
        <Select
          name="period"
          value={period}
          onChange={(e) => {
            setPeriod(e.target.value);
            if (e.target.value !== "custom") go({ period: e.target.value, year: value.year ?? years[0] });
          }}
          className="w-auto min-w-28"
          data-testid="stats-period"
        >
          {presets.map((p) => (
            <option key={p} value={p}>
              {t(`stats.presets.${p}`)}
            </option>
          ))}
        </Select>
      </Captioned>
      {period === "year" && (
        <Captioned label={t("stats.year")}>
          <Select
            name="year"
            value={String(value.year ?? years[0])}
            onChange={(e) => go({ year: Number(e.target.value) })}
            className="w-auto"
            data-testid="stats-year"
          >
            {[...new Set([...years, ...(value.year ? [value.year] : [])])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </Select>
        </Captioned>
      )}
      {period === "custom" && (
        <>
          <Captioned label={t("stats.from")}>
            <Input
              type="date"
              name="from"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              className="w-40"
              required
              data-testid="stats-from"
            />
          </Captioned>
          <Captioned label={t("stats.to")}>
            <Input
              type="date"
              name="to"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
              className="w-40"
              required
              data-testid="stats-to"
            />
          </Captioned>
          <Button type="submit" variant="secondary" disabled={!from || !to || from > to} data-testid="stats-apply">
            {t("stats.apply")}
          </Button>
        </>
      )}
      {pending && (
        <span className="flex h-10 items-center" role="status" aria-label={t("common.loading")}>
          <Spinner />
        </span>
      )}
    </form>
  );
}
