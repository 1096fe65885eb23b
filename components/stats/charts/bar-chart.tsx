"use client";
import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber, formatPct } from "@/lib/i18n/format";
import { useI18n } from "@/lib/i18n/client";
import type { ChartProps, ChartRow } from "./types";

/**
 * Long category names are cut to the room on the axis (a Chinese character is about twice
 * as wide as a Latin letter at 12px); the tooltip and the table show them whole.
 */
function fit(s: string, maxPx: number): string {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    w += s.charCodeAt(i) > 0x2e80 ? 12 : 6.6;
    if (w > maxPx - 12) return `${s.slice(0, i)}…`;
  }
  return s;
}

/**
 * One line per category label: recharts wraps tick text at spaces and mid-word, which
 * breaks Chinese names like "6年免检、摩托车审验" across lines.
 */
function CategoryTick({
  x,
  y,
  payload,
  room,
  anchor,
  width,
  visibleTicksCount,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  room?: number;
  anchor: "end" | "middle";
  width?: number;
  visibleTicksCount?: number;
}) {
  const full = payload?.value ?? "";
  const px = room ?? (width && visibleTicksCount ? width / visibleTicksCount : 100);
  return (
    <text x={x} y={y} dy={anchor === "end" ? 4 : 14} textAnchor={anchor} fontSize={12} fill="#475569">
      <title>{full}</title>
      {fit(full, px)}
    </text>
  );
}

/**
 * Bars for one or more series; a click on a category opens the list behind it. Loaded
 * lazily (components/stats/charts/lazy.tsx): recharts stays out of the first load.
 */
export default function BarChartView({ rows, series, height = 280, horizontal, percent, label }: ChartProps) {
  const router = useRouter();
  const { locale } = useI18n();
  const fmt = (v: unknown) =>
    typeof v !== "number" ? "—" : percent ? formatPct(v) : formatNumber(v, locale, { compact: true });
  const open = (row: ChartRow | undefined) => row?.href && router.push(row.href);
  const clickable = rows.some((r) => r.href);
  const right = series.some((s) => s.axis === "right");
  const labelWidth = locale === "zh" ? 150 : 170;
  const valueAxis = (id: string, orientation: "left" | "right" | "bottom") =>
    horizontal ? (
      <XAxis
        key={id}
        xAxisId={id}
        type="number"
        tickFormatter={fmt}
        fontSize={11}
        orientation={orientation === "right" ? "top" : "bottom"}
        hide={id === "right" && !right}
      />
    ) : (
      <YAxis
        key={id}
        yAxisId={id}
        type="number"
        tickFormatter={fmt}
        fontSize={11}
        width={56}
        orientation={orientation === "right" ? "right" : "left"}
        hide={id === "right" && !right}
      />
    );
  return (
    <div role="img" aria-label={label} style={{ height }} className={clickable ? "cursor-pointer" : undefined}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
          onClick={(s) => open(rows[Number(s.activeTooltipIndex)])}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <YAxis
              dataKey="label"
              type="category"
              width={labelWidth}
              tick={<CategoryTick room={labelWidth - 6} anchor="end" />}
              interval={0}
            />
          ) : (
            <XAxis dataKey="label" type="category" tick={<CategoryTick anchor="middle" />} interval={0} />
          )}
          {valueAxis("left", "left")}
          {valueAxis("right", "right")}
          {percent && (
            <ReferenceLine {...(horizontal ? { x: 0, xAxisId: "left" } : { y: 0, yAxisId: "left" })} stroke="#64748b" />
          )}
          <Tooltip formatter={(v) => fmt(v)} cursor={{ fill: "#f1f5f9" }} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              {...(horizontal ? { xAxisId: s.axis ?? "left" } : { yAxisId: s.axis ?? "left" })}
              radius={2}
              maxBarSize={28}
              isAnimationActive={false}
            >
              {series.length === 1 && rows.map((r, i) => <Cell key={i} fill={r.fill ?? s.color} />)}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
