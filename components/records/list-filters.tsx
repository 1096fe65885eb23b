import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { UnitInfo } from "@/lib/records/units";

/** The filter bar of a record list: a GET form (the URL is the state), with filter and reset buttons last. */
export function FilterForm({
  t,
  resetHref,
  buttonsClassName = "md:col-span-1",
  children,
}: {
  t: TFunction;
  resetHref: string;
  buttonsClassName?: string;
  children: ReactNode;
}) {
  return (
    <form
      className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:flex xl:flex-wrap xl:items-end"
      role="search"
      aria-label={t("records.filters")}
    >
      {children}
      <div className={`col-span-2 flex gap-2 ${buttonsClassName}`}>
        <button className={buttonClass("secondary")} type="submit">
          {t("common.filter")}
        </button>
        <Link className={buttonClass("ghost")} href={resetHref}>
          {t("common.reset")}
        </Link>
      </div>
    </form>
  );
}

/** From / to dates (local days). */
export function PeriodFilter({ t, from, to }: { t: TFunction; from?: string; to?: string }) {
  return (
    <>
      <Input
        type="date"
        name="from"
        defaultValue={from}
        aria-label={t("records.from")}
        title={t("records.from")}
        className="xl:w-40"
      />
      <Input
        type="date"
        name="to"
        defaultValue={to}
        aria-label={t("records.to")}
        title={t("records.to")}
        className="xl:w-40"
      />
    </>
  );
}

/** One of a fixed set of keys, or all; labels from the dictionary under `labelPrefix`. */
export function EnumFilter({
  t,
  name,
  value,
  options,
  label,
  allLabel,
  labelPrefix,
  // A select as wide as its longest option: "处理方式：全部" is never cut.
  className = "xl:w-auto",
}: {
  t: TFunction;
  name: string;
  value?: string | null;
  options: readonly string[];
  label: string;
  allLabel: string;
  labelPrefix: string;
  className?: string;
}) {
  return (
    <Select name={name} defaultValue={value ?? ""} aria-label={label} className={className}>
      <option value="">{allLabel}</option>
      {options.map((s) => (
        <option key={s} value={s}>
          {t(`${labelPrefix}.${s}`)}
        </option>
      ))}
    </Select>
  );
}

/** Brigades and squads in the user's scope (shown only when there is more than one). */
export function UnitFilter({
  t,
  locale,
  units,
  value,
}: {
  t: TFunction;
  locale: Locale;
  units: UnitInfo[];
  value?: string | null;
}) {
  if (units.length <= 1) return null;
  return (
    <Select name="unit" defaultValue={value ?? ""} aria-label={t("records.unit")} className="xl:w-auto">
      <option value="">{t("records.allUnits")}</option>
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {u.kind === "SQUAD" ? "　" : ""}
          {locale === "zh" ? u.nameZh : u.nameEn}
        </option>
      ))}
    </Select>
  );
}

/** Plate search (prefix or contains, as the list's schema says). */
export function PlateFilter({ t, value }: { t: TFunction; value?: string }) {
  return (
    <Input
      name="plate"
      defaultValue={value}
      placeholder={t("records.plateSearch")}
      aria-label={t("records.plateSearch")}
      className="xl:w-40"
    />
  );
}
