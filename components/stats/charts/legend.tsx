import type { ChartProps } from "./types";

/** The key of a chart's series: a swatch (dashed line for a dashed series) and its name. */
export function Legend({ series }: { series: ChartProps["series"] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <svg aria-hidden width="18" height="8" className="shrink-0">
            {s.dashed ? (
              <line x1="0" y1="4" x2="18" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray="4 3" />
            ) : (
              <rect width="18" height="8" rx="1.5" fill={s.color} />
            )}
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
