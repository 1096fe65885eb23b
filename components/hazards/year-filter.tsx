import { clsx } from "clsx";
import type { TFunction } from "@/lib/i18n/translate";

/**
 * The GET form that picks the year of a hazards page's figures (closure rates, operation
 * counts): a four-digit box and a filter button; `dense` pads them to sit in a card's header.
 */
export function YearFilter({ t, value, dense = false }: { t: TFunction; value?: number; dense?: boolean }) {
  return (
    <form className="flex gap-2">
      <input
        name="year"
        defaultValue={value}
        aria-label={t("hazards.closureYear")}
        inputMode="numeric"
        className={clsx("w-24 rounded-md border border-slate-300 px-2 text-sm", dense && "py-1")}
      />
      <button className={clsx("rounded-md border border-slate-300 px-3 text-sm", dense && "py-1")}>
        {t("common.filter")}
      </button>
    </form>
  );
}
