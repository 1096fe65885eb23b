import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import type { StatTable } from "@/lib/stats/tables";

/** Monday first, as a Chinese duty week is read; the data says 0 = Sunday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export type HeatCell = { weekday: number; hour: number; n: number };

export function heatMatrix(cells: HeatCell[]): number[][] {
  const m = WEEK_ORDER.map(() => HOURS.map(() => 0));
  for (const c of cells) m[WEEK_ORDER.indexOf(c.weekday)][c.hour] += c.n;
  return m;
}

/** Share of the busiest cell as a red of matching strength (white = none). */
function shade(n: number, max: number): string {
  if (!n || !max) return "#f8fafc";
  const a = 0.12 + 0.88 * (n / max);
  return `rgba(220, 38, 38, ${a.toFixed(3)})`;
}

/**
 * Accidents by weekday × hour as a grid of shaded cells: plain HTML, no chart library,
 * readable in print. The hour labels every three hours keep it legible on a tablet.
 */
export function AccidentHeatmap({ cells, t, locale }: { cells: HeatCell[]; t: TFunction; locale: Locale }) {
  const m = heatMatrix(cells);
  const max = Math.max(0, ...m.flat());
  return (
    // Focusable: a keyboard user can scroll it sideways on a phone.
    <div className="overflow-x-auto" role="img" aria-label={t("stats.charts.heatmap")} tabIndex={0}>
      <div
        className="grid min-w-[440px] gap-px text-[11px]"
        style={{ gridTemplateColumns: "2.5rem repeat(24, minmax(0, 1fr))" }}
      >
        <div />
        {HOURS.map((h) => (
          <div key={h} className="text-center text-slate-500">
            {h % 3 === 0 ? h : ""}
          </div>
        ))}
        {WEEK_ORDER.map((wd, i) => (
          <div key={wd} className="contents">
            <div className="pr-1 text-right leading-6 text-slate-600">{t(`stats.weekdays.${wd}`)}</div>
            {HOURS.map((h) => (
              <div
                key={h}
                className="h-6 rounded-[2px]"
                style={{ background: shade(m[i][h], max) }}
                title={`${t(`stats.weekdays.${wd}`)} ${h}:00–${h + 1}:00 · ${formatNumber(m[i][h], locale)}`}
                data-n={m[i][h]}
              />
            ))}
          </div>
        ))}
      </div>
      <div className="mt-2 flex items-center justify-end gap-2 text-xs text-slate-500">
        <span>0</span>
        <span
          className="h-2.5 w-24 rounded"
          style={{ background: "linear-gradient(to right, rgba(220,38,38,0.12), rgba(220,38,38,1))" }}
        />
        <span>{formatNumber(max, locale)}</span>
      </div>
    </div>
  );
}

/** The same figures as a table: a row per weekday, a column per hour, and the day's total. */
export function heatmapTable(cells: HeatCell[], t: TFunction): StatTable {
  const m = heatMatrix(cells);
  return {
    key: "heatmap",
    title: t("stats.charts.heatmap"),
    columns: [
      { key: "weekday", label: t("stats.weekday"), kind: "text" },
      ...HOURS.map((h) => ({ key: `h${h}`, label: String(h) })),
      { key: "total", label: t("common.total") },
    ],
    rows: WEEK_ORDER.map((wd, i) => ({
      cells: {
        weekday: t(`stats.weekdays.${wd}`),
        ...Object.fromEntries(m[i].map((n, h) => [`h${h}`, n])),
        total: m[i].reduce((s, n) => s + n, 0),
      },
    })),
  };
}
