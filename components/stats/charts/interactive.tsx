"use client";
import { type ComponentType, useEffect, useRef, useState } from "react";
import { Legend } from "./legend";
import type { ChartProps } from "./types";

type LineChartView = ComponentType<ChartProps & { height?: number }>;

/** One shared load of recharts for every chart of the page. */
let loading: Promise<LineChartView> | null = null;
const loadLineChart = () => (loading ??= import("./line-chart").then((m) => m.default));

/**
 * A line chart that is drawn at once and becomes interactive later.
 *
 * `children` is the chart drawn on the server (./lines.tsx): it is on the first paint, in print
 * and in a screenshot, with no JavaScript. When it is on screen and the browser is idle, recharts
 * (its own chunk, never part of the first load) replaces it on screen with the same figures plus a
 * tooltip and click-to-drill; the server drawing stays for print. A chart never scrolled to never
 * loads recharts, so a phone that opens the dashboard hydrates no chart code.
 */
export function InteractiveLines({ children, ...props }: ChartProps & { height?: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [View, setView] = useState<LineChartView | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let idle = 0;
    let gone = false;
    const upgrade = () => {
      const ric = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
      idle = ric(() => void loadLineChart().then((v) => !gone && setView(() => v)), { timeout: 3000 });
    };
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        upgrade();
      }
    });
    seen.observe(el);
    return () => {
      gone = true;
      seen.disconnect();
      (window.cancelIdleCallback ?? window.clearTimeout)(idle);
    };
  }, []);

  return (
    <div ref={ref}>
      {View ? (
        <>
          <div className="hidden print:block">{children}</div>
          <figure
            role="group"
            aria-label={props.label}
            className="space-y-2 print:hidden"
            data-chart="lines"
            data-interactive=""
          >
            <Legend series={props.series} />
            {/* As tall as the server drawing with its axis labels: nothing moves when it swaps. */}
            <View {...props} height={(props.height ?? 220) + 18} />
          </figure>
        </>
      ) : (
        children
      )}
    </div>
  );
}
