"use client";
import { useRouter } from "next/navigation";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";
import { useI18n } from "@/lib/i18n/client";
import type { ChartProps } from "./types";

/**
 * The interactive form of a line chart (recharts): a tooltip with every series of the hovered
 * month or hour, and a click anywhere in its column opens the list behind it. Loaded only by
 * ./interactive.tsx, once the server-drawn chart it replaces is on screen and the browser is idle.
 * A series without any value (no data for last year) is not drawn at all, never as zero.
 */
export default function LineChartView({ rows, series, height = 220 }: ChartProps & { height?: number }) {
  const router = useRouter();
  const { locale } = useI18n();
  const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v, locale, { compact: true }) : "—");
  const drawn = series.filter((s) => rows.some((r) => typeof r[s.key] === "number"));
  const right = drawn.some((s) => s.axis === "right");
  const clickable = rows.some((r) => r.href);
  return (
    <div style={{ height }} className={clickable ? "cursor-pointer" : undefined}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 6, right: right ? 4 : 12, bottom: 0, left: 0 }}
          onClick={(s) => {
            const href = rows[Number(s?.activeTooltipIndex)]?.href;
            if (href) router.push(href);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" fontSize={11} tick={{ fill: "#475569" }} interval="preserveStartEnd" />
          <YAxis yAxisId="left" tickFormatter={fmt} fontSize={11} tick={{ fill: "#475569" }} width={44} />
          <YAxis
            yAxisId="right"
            orientation="right"
            tickFormatter={fmt}
            fontSize={11}
            tick={{ fill: "#475569" }}
            width={40}
            hide={!right}
          />
          <Tooltip formatter={(v) => fmt(v)} contentStyle={{ fontSize: 12 }} />
          {drawn.map((s) => (
            <Line
              key={s.key}
              className={`series-${s.key}`}
              yAxisId={s.axis ?? "left"}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              dot={{ r: 2.5 }}
              activeDot={{ r: 5 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
