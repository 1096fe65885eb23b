"use client";
import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";
import { useI18n } from "@/lib/i18n/client";
import type { ChartProps } from "./types";

/** Lines over an ordered category (months, hours); a click on a point opens the list behind it. */
export default function LineChartView({ rows, series, height = 260, label }: ChartProps) {
  const router = useRouter();
  const { locale } = useI18n();
  const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v, locale, { compact: true }) : "—");
  const right = series.some((s) => s.axis === "right");
  return (
    <div
      role="img"
      aria-label={label}
      style={{ height }}
      className={rows.some((r) => r.href) ? "cursor-pointer" : undefined}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
          onClick={(s) => {
            const href = rows[Number(s.activeTooltipIndex)]?.href;
            if (href) router.push(href);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" />
          <YAxis yAxisId="left" tickFormatter={fmt} fontSize={11} width={56} />
          <YAxis yAxisId="right" orientation="right" tickFormatter={fmt} fontSize={11} width={48} hide={!right} />
          <Tooltip formatter={(v) => fmt(v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line
              key={s.key}
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
