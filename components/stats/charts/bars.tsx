import Link from "next/link";
import { StaticHtml } from "@/components/ui/static-html";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber, formatPct } from "@/lib/i18n/format";
import { barScale } from "@/lib/stats/chart-scale";
import { Legend } from "./legend";
import type { ChartProps, ChartRow } from "./types";

/**
 * Horizontal bars drawn on the server as plain HTML: no JavaScript to load or hydrate, drawn
 * in print and screenshots without a scroll, category names in full (they wrap, never cut),
 * every value written beside its bar, each category a link to the list behind it.
 *
 * Each series has its own scale (violations next to accidents, vehicles next to drivers:
 * never two units on one axis). When one value dwarfs the rest its bar is drawn broken
 * (lib/stats/chart-scale.ts) so the others stay readable; every non-zero bar shows.
 * Percentages (同比) diverge from a zero line in the middle.
 */
export function Bars(props: ChartProps & { locale: Locale }) {
  return (
    <StaticHtml>
      <BarsFigure {...props} />
    </StaticHtml>
  );
}

export function BarsFigure({ rows, series, percent, label, locale }: ChartProps & { locale: Locale }) {
  // Series on the same axis share a scale (this year against last year); another axis has its own.
  const axisOf = (s: ChartProps["series"][number]) => s.axis ?? "left";
  const scales = series.map((s) =>
    barScale(series.filter((x) => axisOf(x) === axisOf(s)).flatMap((x) => rows.map((r) => num(r[x.key])))),
  );
  const maxAbs = percent ? Math.max(1, ...rows.flatMap((r) => series.map((s) => Math.abs(num(r[s.key]) ?? 0)))) : 0;
  const fmt = (v: number | null) =>
    v === null ? "—" : percent ? formatPct(v) : formatNumber(v, locale, { compact: true });
  return (
    <figure role="group" aria-label={label} className="space-y-2" data-chart="bars">
      {series.length > 1 && <Legend series={series} />}
      <ul className="space-y-1.5">
        {rows.map((r, i) => (
          <li
            key={`${r.label}-${i}`}
            className="grid grid-cols-[minmax(5.5rem,38%)_1fr] items-center gap-x-2 text-xs"
            data-row={r.label}
          >
            <RowLabel row={r} />
            <div className="min-w-0 space-y-0.5">
              {series.map((s, j) => {
                const v = num(r[s.key]);
                const color = (series.length === 1 && r.fill) || s.color;
                if (percent) return <Diverging key={s.key} v={v} max={maxAbs} color={color} text={fmt(v)} />;
                const { width, broken } = scales[j].of(v);
                return (
                  <div key={s.key} className="flex items-center gap-1.5" title={`${s.name}: ${fmt(v)}`}>
                    <div
                      className="relative h-3 shrink-0 rounded-sm"
                      // The longest bar leaves room for its value beside it (never past the card's edge).
                      style={{
                        width: `calc((100% - 4.5rem) * ${width / 100})`,
                        // Every non-zero bar stays visible beside one that dwarfs it.
                        minWidth: v ? 4 : 0,
                        backgroundColor: color,
                      }}
                      data-value={v ?? ""}
                    >
                      {broken && <span aria-hidden className="absolute inset-y-0 right-5 w-1.5 -skew-x-12 bg-white" />}
                    </div>
                    <span className="whitespace-nowrap tabular-nums text-slate-700">{fmt(v)}</span>
                  </div>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Diverging({ v, max, color, text }: { v: number | null; max: number; color: string; text: string }) {
  const w = v === null ? 0 : (Math.abs(v) / max) * 100;
  const bar = (
    <div className="h-3 rounded-sm" style={{ width: `${w}%`, minWidth: v ? 2 : 0, backgroundColor: color }} />
  );
  return (
    <div className="grid grid-cols-2 items-center" data-value={v ?? ""}>
      <div className="flex items-center justify-end gap-1 border-r border-slate-400 pr-px">
        {v !== null && v < 0 && (
          <>
            <span className="whitespace-nowrap tabular-nums text-slate-700">{text}</span>
            {bar}
          </>
        )}
      </div>
      <div className="flex items-center gap-1 pl-px">
        {(v === null || v >= 0) && (
          <>
            {bar}
            <span className="whitespace-nowrap tabular-nums text-slate-700">{text}</span>
          </>
        )}
      </div>
    </div>
  );
}

function RowLabel({ row }: { row: ChartRow }) {
  return row.href ? (
    <Link href={row.href} prefetch={false} className="break-words text-brand-700 hover:underline">
      {row.label}
    </Link>
  ) : (
    <span className="break-words text-slate-700">{row.label}</span>
  );
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
