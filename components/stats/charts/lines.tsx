import Link from "next/link";
import { StaticHtml } from "@/components/ui/static-html";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import { niceTicks } from "@/lib/stats/chart-scale";
import { InteractiveLines } from "./interactive";
import { Legend } from "./legend";
import type { ChartProps } from "./types";

const W = 600;

/**
 * Lines over an ordered category (months, hours), drawn on the server as SVG: nothing to
 * load or hydrate, drawn in print and screenshots without a scroll. A missing value (a month
 * not reached yet, a period with no data) breaks the line — it is never drawn as zero.
 * The plot stretches to the card's width; text is HTML around it, so it keeps its size on a
 * phone. Points carry their value as a tooltip; the month labels link to the list behind them.
 * Once on screen, recharts takes over on screen (./interactive.tsx); this drawing stays for print.
 */
export function Lines(props: ChartProps & { locale: Locale; height?: number }) {
  const { locale: _locale, ...chart } = props;
  return (
    <InteractiveLines {...chart}>
      <StaticHtml>
        <StaticLines {...props} />
      </StaticHtml>
    </InteractiveLines>
  );
}

export function StaticLines({
  rows,
  series,
  height = 220,
  label,
  locale,
}: ChartProps & { locale: Locale; height?: number }) {
  const values = rows.flatMap((r) => series.map((s) => r[s.key])).filter((v): v is number => typeof v === "number");
  const ticks = niceTicks(Math.max(0, ...values));
  const top = ticks[ticks.length - 1] || 1;
  const H = height;
  const n = rows.length;
  const x = (i: number) => (n <= 1 ? W / 2 : ((i + 0.5) / n) * W);
  const y = (v: number) => H - (v / top) * H;
  const fmt = (v: number) => formatNumber(v, locale, { compact: true });
  const paths = series.map((s) => {
    let d = "";
    let open = false;
    rows.forEach((r, i) => {
      const v = r[s.key];
      if (typeof v !== "number") {
        open = false;
        return;
      }
      d += `${open ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      open = true;
    });
    return d.trim();
  });
  // Every other label on narrow screens would need JavaScript: label density is fixed by count instead.
  const every = n > 12 ? Math.ceil(n / 12) : 1;
  return (
    <figure role="group" aria-label={label} className="space-y-2" data-chart="lines">
      <Legend series={series} />
      <div className="grid grid-cols-[auto_1fr] gap-x-1.5">
        <div className="relative text-right text-[11px] tabular-nums text-slate-600" style={{ height: H }} aria-hidden>
          {ticks.map((tk) => (
            <span
              key={tk}
              className="absolute right-0 -translate-y-1/2 leading-none"
              style={{ top: `${100 - (tk / top) * 100}%` }}
            >
              {fmt(tk)}
            </span>
          ))}
        </div>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          width="100%"
          height={H}
          className="block overflow-visible"
          aria-hidden
        >
          {ticks.map((tk) => (
            <line
              key={tk}
              x1="0"
              x2={W}
              y1={y(tk)}
              y2={y(tk)}
              stroke={tk === 0 ? "#94a3b8" : "#e2e8f0"}
              strokeDasharray={tk === 0 ? undefined : "3 3"}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {series.map((s, j) => (
            <g key={s.key} data-series={s.key}>
              {paths[j] && (
                <path
                  d={paths[j]}
                  fill="none"
                  stroke={s.color}
                  strokeWidth="2"
                  strokeDasharray={s.dashed ? "5 4" : undefined}
                  vectorEffect="non-scaling-stroke"
                  strokeLinejoin="round"
                />
              )}
              {rows.map((r, i) => {
                const v = r[s.key];
                if (typeof v !== "number") return null;
                // A zero-length round-capped stroke: a dot that stays round however the plot stretches.
                const dot = (
                  <path
                    d={`M${x(i).toFixed(1)} ${y(v).toFixed(1)}h0`}
                    stroke={s.color}
                    strokeWidth="6"
                    strokeLinecap="round"
                    vectorEffect="non-scaling-stroke"
                  >
                    <title>{`${r.label} · ${s.name}: ${fmt(v)}`}</title>
                  </path>
                );
                // No link on the dot: the svg is hidden from assistive technology, so a focusable
                // link in it would be a tab stop nobody can name. The month labels under the
                // plot are the links (and recharts, once it takes over, opens a month on click).
                return <g key={i}>{dot}</g>;
              })}
            </g>
          ))}
        </svg>
        <span />
        <div className="flex text-[11px] text-slate-600">
          {rows.map((r, i) => (
            <span key={i} className="min-w-0 flex-1 text-center">
              {i % every === 0 ? (
                r.href ? (
                  <Link href={r.href} prefetch={false} className="hover:text-brand-700 hover:underline">
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )
              ) : (
                ""
              )}
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}
