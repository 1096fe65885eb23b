import type { Column } from "@/components/ui/data-table";
import type { TFunction } from "@/lib/i18n/translate";

interface Timing {
  count: number;
  avgMin: number | null;
}
type Timed = Record<"wait" | "service", Record<"today" | "month", Timing>>;

/**
 * The four timing columns of the supervisor's tables by window and by clerk: the average wait
 * and service, today and this month, each with how many it averages.
 */
export function timingColumns<R extends Timed>(t: TFunction): Column<R>[] {
  const mins = (v: number | null) => (v === null ? "—" : t("window.sup.minutes", { min: v }));
  return (["wait", "service"] as const).flatMap((kind) =>
    (["today", "month"] as const).map((period) => ({
      header:
        period === "today" ? (
          <>
            {t(`window.sup.${kind}`)} · {t("window.sup.today")}
          </>
        ) : (
          t("window.sup.month")
        ),
      className: "whitespace-nowrap",
      cell: (r: R) => (
        <>
          {mins(r[kind][period].avgMin)} <span className="text-xs text-slate-500">({r[kind][period].count})</span>
        </>
      ),
    })),
  );
}
