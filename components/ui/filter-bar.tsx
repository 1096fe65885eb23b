import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { Input, Select } from "./field";
import type { TFunction } from "@/lib/i18n/translate";

interface Common {
  /** The query parameter. */
  name: string;
  /** The accessible name. */
  label: string;
  className?: string;
}

/**
 * A field of a filter bar: a text or date box, a choice or a checkbox. A choice's empty option
 * (no filter) says `all`, by default "<label>: all".
 */
export type FilterField = Common &
  (
    | { type?: "text" | "date"; placeholder?: string }
    | { type: "select"; all?: string; options: readonly { value: string; label: string }[] }
    | { type: "checkbox" }
  );

function Control({ t, field: f, value }: { t: TFunction; field: FilterField; value: unknown }) {
  const text = typeof value === "string" ? value : undefined;
  if (f.type === "select") {
    const all = f.all ?? `${f.label}: ${t("common.all")}`;
    return (
      <Select name={f.name} defaultValue={text ?? ""} className={f.className} aria-label={f.label}>
        {[{ value: "", label: all }, ...f.options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    );
  }
  if (f.type === "checkbox") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name={f.name} value="true" defaultChecked={value === true} className="h-4 w-4" />
        {f.label}
      </label>
    );
  }
  return (
    <Input
      name={f.name}
      type={f.type === "date" ? "date" : undefined}
      defaultValue={text}
      placeholder={f.placeholder}
      className={f.className}
      aria-label={f.label}
    />
  );
}

/**
 * The filter bar of a list: a GET form (the URL is the state) with its `fields`, showing the
 * current `values`, and the submit button (`submit`: its words) last.
 */
export function FilterBar({
  t,
  fields,
  values,
  submit,
  className = "flex flex-wrap items-end gap-2",
}: {
  t: TFunction;
  fields: FilterField[];
  values: object;
  submit: ReactNode;
  className?: string;
}) {
  const current = values as Record<string, unknown>;
  return (
    <form className={className} role="search">
      {fields.map((f) => (
        <Control key={f.name} t={t} field={f} value={current[f.name]} />
      ))}
      <button className={buttonClass("secondary")} type="submit">
        {submit}
      </button>
    </form>
  );
}
