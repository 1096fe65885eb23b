"use client";
import dynamic from "next/dynamic";
import type { ChartProps } from "./types";

/**
 * recharts (and d3 under it) is the heaviest thing on the statistics pages. These
 * wrappers load it in its own chunk after the page is interactive, never on the server,
 * with a placeholder of the final height so nothing jumps when it arrives.
 */
function Placeholder({ height }: { height: number }) {
  return <div aria-hidden className="animate-pulse rounded bg-slate-100" style={{ height }} />;
}

const LazyBar = dynamic(() => import("./bar-chart"), { ssr: false, loading: () => null });
const LazyLine = dynamic(() => import("./line-chart"), { ssr: false, loading: () => null });

export function BarChart(props: ChartProps) {
  const height = props.height ?? 280;
  return (
    <div style={{ minHeight: height }} className="relative">
      <div className="absolute inset-0 -z-0">
        <Placeholder height={height} />
      </div>
      <div className="relative bg-white">
        <LazyBar {...props} />
      </div>
    </div>
  );
}

export function LineChart(props: ChartProps) {
  const height = props.height ?? 260;
  return (
    <div style={{ minHeight: height }} className="relative">
      <div className="absolute inset-0 -z-0">
        <Placeholder height={height} />
      </div>
      <div className="relative bg-white">
        <LazyLine {...props} />
      </div>
    </div>
  );
}
